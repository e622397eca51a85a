package jp.oqs.web.console;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.oqs.api.claims.ClaimSegment;
import jp.oqs.api.eligibility.BulkStatus;
import jp.oqs.claims.ClaimItem;
import jp.oqs.claims.ClaimJob;
import jp.oqs.claims.ClaimResolutions;
import jp.oqs.claims.ClaimsException;

/**
 * A claims job's results as CSV (UTF-8 with BOM, for spreadsheet programs): one line per segment of each claim,
 * one line without segment cells for a claim without segments, in claim order, streamed a page at a time.
 * Operators of the job's organisation only (the console's security constraint and the session bean's scope).
 */
@WebServlet("/console/claims.csv")
public class ClaimsResultCsv extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int CHUNK = 1000;
    static final String HEADER = "index,claimId,medicalInstitutionCode,serviceMonth,disposition,reason,from,to,"
            + "insurerNumber,symbol,number,branchNumber,individualNumber,relationship";

    @EJB
    private transient ClaimResolutions resolutions;

    @Inject
    private transient ConsoleUser user;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ClaimJob job;
        try {
            job = resolutions.find(user.scope(), request.getParameter("job"));
        } catch (ClaimsException | IllegalStateException notAnOperatorsJob) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (job.status() != BulkStatus.DONE) {
            response.sendError(HttpServletResponse.SC_CONFLICT);
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + job.jobId() + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.write('\uFEFF');
        out.print(HEADER + "\r\n");
        for (int page = 0; page * CHUNK < job.total(); page++) {
            for (ClaimItem item : resolutions.results(job, page, CHUNK)) {
                List<ClaimSegment> segments = item.segments();
                for (ClaimSegment s : segments.isEmpty() ? java.util.Collections.<ClaimSegment>singletonList(null)
                        : segments) {
                    Stream<Object> claim = Stream.of(item.index(), item.claimId(), item.clinicCode(),
                            item.serviceMonth(), item.disposition(), item.reason());
                    Stream<Object> segment = s == null ? Stream.of(null, null, null, null, null, null, null, null)
                            : Stream.of(s.from(), s.to(), s.insurerNumber(), s.symbol(), s.number(), s.branchNumber(),
                                    s.individualNumber(), s.relationship());
                    out.print(Stream.concat(claim, segment).map(InsurerCsv::cell).collect(Collectors.joining(","))
                            + "\r\n");
                }
            }
        }
    }
}
