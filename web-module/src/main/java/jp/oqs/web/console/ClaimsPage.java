package jp.oqs.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import jp.oqs.api.claims.Claim;
import jp.oqs.api.claims.ClaimCounts;
import jp.oqs.api.claims.ClaimResolutionRequest;
import jp.oqs.api.eligibility.BulkStatus;
import jp.oqs.claims.ClaimJob;
import jp.oqs.claims.ClaimResolutions;
import jp.oqs.claims.ClaimsException;
import jp.oqs.claims.ClaimsRunner;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * レセプト振替・分割 for operators: upload a claims file (the README's layout), watch the job's progress, see its
 * counts per disposition as a chart, download the results as CSV. The claims are checked as the API checks them
 * and submitted through the same session bean.
 */
@Named
@ViewScoped
public class ClaimsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient ClaimResolutions resolutions;

    @EJB
    private transient ClaimsRunner runner;

    @Inject
    private transient Validator validator;

    @Inject
    private ConsoleUser user;

    private transient Part file;
    private String jobId;
    private BulkStatus status;
    private ClaimCounts counts;

    /** Reads the file, checks every claim, submits them as a job and starts it. */
    public void upload() throws IOException {
        if (file == null || file.getSize() == 0) {
            Texts.errorText("claims.fileRequired");
            return;
        }
        List<Claim> claims;
        try (InputStream in = file.getInputStream()) {
            // read here, not injected: a view-scoped bean holds only what can be serialized
            claims = ClaimsCsv.parse(in, ConfigProvider.getConfig().getOptionalValue("oqs.claims.max-claims",
                    Integer.class).orElse(ClaimsCsv.DEFAULT_MAX_CLAIMS));
        } catch (ClaimsCsv.LayoutException e) {
            Texts.errorText("claims.layout", e.line(), ClaimsCsv.HEADER);
            return;
        }
        if (!Texts.valid(validator, new ClaimResolutionRequest(claims))) {
            return;
        }
        try {
            ClaimJob job = resolutions.submit(user.scope(), claims);
            runner.start(job.jobId());
            jobId = job.jobId();
            Texts.info("claims.accepted", jobId, claims.size());
            refresh();
        } catch (ClaimsException refused) {
            Texts.error(refused);
        }
    }

    /** The job's progress and counts, read again. */
    public void refresh() {
        if (jobId == null) {
            return;
        }
        try {
            ClaimJob job = resolutions.find(user.scope(), jobId);
            status = job.status();
            counts = job.counts();
        } catch (ClaimsException gone) {
            Texts.error(gone);
            jobId = null;
        }
    }

    /** The chart's bars: each disposition's count and its share of the claims (0–100). */
    public List<Bar> getBars() {
        if (counts == null) {
            return List.of();
        }
        int total = Math.max(1, counts.total());
        return List.of(new Bar("KEEP", counts.keep(), total), new Bar("REROUTE", counts.reroute(), total),
                new Bar("SPLIT", counts.split(), total),
                new Bar("RELATIONSHIP_CORRECTED", counts.relationshipCorrected(), total),
                new Bar("LOST_KEEP", counts.lostKeep(), total), new Bar("NOT_FOUND", counts.notFound(), total));
    }

    /** One bar of the chart: the disposition, its count and its width in per cent of the chart. */
    public record Bar(String disposition, int count, int total) {
        public int percent() {
            return (int) Math.round(count * 100.0 / total);
        }
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public String getJobId() {
        return jobId;
    }

    public BulkStatus getStatus() {
        return status;
    }

    public ClaimCounts getCounts() {
        return counts;
    }

    public boolean isDone() {
        return status == BulkStatus.DONE;
    }
}
