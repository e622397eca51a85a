package jp.oqs.web.claims;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.oqs.api.claims.ClaimSegment;
import jp.oqs.claims.ClaimItem;
import jp.oqs.web.console.InsurerCsv;

/**
 * 資格確認結果連絡書 as CSV (RFC 4180, UTF-8, one header line): for each claim whose billing changes, one line per
 * segment with the numbers the claim was written with and those it should carry, the disposition and the reason,
 * so a clinic's system can correct its レセプト. Cells are quoted and formula-neutralised as the console's exports.
 */
final class ClinicNoticeCsv {

    static final String HEADER = "claimId,medicalInstitutionCode,serviceMonth,disposition,reason,"
            + "writtenInsurerNumber,writtenSymbol,writtenNumber,writtenBranchNumber,writtenIndividualNumber,"
            + "from,to,insurerNumber,symbol,number,branchNumber,individualNumber,relationship";

    private ClinicNoticeCsv() {
    }

    static String of(List<ClaimItem> changed) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (ClaimItem item : changed) {
            for (ClaimSegment s : item.segments()) {
                csv.append(Stream.of(item.claimId(), item.clinicCode(), item.serviceMonth(), item.disposition(),
                                item.reason(), item.insurerNumber(), item.symbol(), item.number(),
                                item.branchNumber(), item.individualNumber(), s.from(), s.to(), s.insurerNumber(),
                                s.symbol(), s.number(), s.branchNumber(), s.individualNumber(), s.relationship())
                        .map(InsurerCsv::cell).collect(Collectors.joining(","))).append("\r\n");
            }
        }
        return csv.toString();
    }
}
