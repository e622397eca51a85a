package jp.oqs.eligibility;

import java.time.LocalDate;
import java.util.List;
import jp.oqs.api.eligibility.QualificationView;
import jp.oqs.api.sync.ElderlyRecipient;
import jp.oqs.api.sync.LimitCertificate;
import jp.oqs.api.sync.SpecificDisease;
import jp.oqs.qualification.Ages;
import jp.oqs.qualification.Qualification;
import jp.oqs.qualification.QualificationVersion;

/** What a clinic may see of a qualification version: never the link key, never an internal id. */
final class EligibilityViews {

    private EligibilityViews() {
    }

    /**
     * As of the visit date {@code asOf} (which certificates are valid, the copay ratio, 未就学), with the asking
     * clinic's 照会番号 for the card, if it registered one, and the consent-bound groups {@code disclosure} allows.
     */
    static QualificationView of(QualificationVersion version, LocalDate asOf, String referenceNumber,
                                Disclosure disclosure) {
        if (version == null) {
            return null;
        }
        Qualification q = version.qualification();
        ElderlyRecipient elderly = version.elderlyRecipient();
        LocalDate birthDate = q.person().birthDate();
        LimitCertificate limit = version.limitCertificate();
        List<SpecificDisease> diseases = disclosure.specificDiseases()
                ? version.specificDiseases().stream().filter(d -> d.validOn(asOf)).toList() : null;
        return new QualificationView(q.insurer().insurerNumber(), q.insurer().nameKanji(), q.symbol(), q.number(),
                q.branchNumber(), q.individualNumber(), version.relationship(), version.nameKanji(),
                version.nameKana(), q.person().sex(), birthDate, q.acquiredOn(), version.lostOn(),
                version.lossReason(), version.lossReason() == null ? null : version.lossReason().code(),
                version.copayRatioOn(asOf), version.cardIssuedOn(), version.cardExpiresOn(),
                referenceNumber, version.cardClassification(),
                version.cardClassification() == null ? null : version.cardClassification().code(),
                elderly != null && elderly.validOn(asOf) ? elderly : null, Ages.preschoolOn(birthDate, asOf),
                disclosure.limitCertificate(),
                disclosure.limitCertificate() && limit != null && limit.validOn(asOf) ? limit : null,
                disclosure.specificDiseases(), diseases);
    }
}
