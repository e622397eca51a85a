package jp.oqs.claims;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.oqs.api.claims.ClaimCounts;
import jp.oqs.api.claims.ClaimDisposition;
import jp.oqs.api.insurer.ManagingOrganisation;
import jp.oqs.platform.JobRecord;

/**
 * A claims job (レセプト振替・分割) and its progress. It belongs to the managing organisations whose insurers its
 * claims are addressed to; the staff member who submitted it is the actor of its audit entries.
 */
@Entity
@Table(name = "claim_job")
@NamedNativeQuery(name = "ClaimJob.lock", query = "UPDATE claim_job SET row_version = row_version WHERE job_id = ?")
@NamedQuery(name = "ClaimJob.processing",
        query = "SELECT j.jobId FROM ClaimJob j WHERE j.status = jp.oqs.api.eligibility.BulkStatus.PROCESSING")
@NamedQuery(name = "ClaimJob.expired", query = "SELECT j.jobId FROM ClaimJob j WHERE j.expiresAt < :now")
public class ClaimJob extends JobRecord {

    @Id
    @Column(name = "job_id")
    private String jobId;

    /** The organisations' names, sorted, separated by commas. */
    @Column(name = "organisation", updatable = false)
    private String organisations;

    @Column(name = "actor", updatable = false)
    private String actor;

    @Column(name = "resolved_count")
    private int resolved;

    @Column(name = "keep_count")
    private int keep;

    @Column(name = "reroute_count")
    private int reroute;

    @Column(name = "split_count")
    private int split;

    @Column(name = "corrected_count")
    private int corrected;

    @Column(name = "lost_keep_count")
    private int lostKeep;

    @Column(name = "not_found_count")
    private int notFound;

    protected ClaimJob() {
    }

    ClaimJob(String jobId, Set<ManagingOrganisation> organisations, String actor, int total, Instant submittedAt,
             Instant expiresAt) {
        super(total, submittedAt, expiresAt);
        this.jobId = jobId;
        this.organisations = organisations.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new))
                .stream().collect(Collectors.joining(","));
        this.actor = actor;
    }

    void counted(ClaimDisposition disposition) {
        resolved++;
        switch (disposition) {
            case KEEP -> keep++;
            case REROUTE -> reroute++;
            case SPLIT -> split++;
            case RELATIONSHIP_CORRECTED -> corrected++;
            case LOST_KEEP -> lostKeep++;
            case NOT_FOUND -> notFound++;
        }
    }

    void completeIfResolved(Instant now) {
        completeWhen(resolved, now);
    }

    /** Whether a caller managing {@code managed} may see the job: every organisation of its claims is theirs. */
    boolean visibleTo(Set<ManagingOrganisation> managed) {
        Set<ManagingOrganisation> mine = EnumSet.noneOf(ManagingOrganisation.class);
        Arrays.stream(organisations.split(",")).map(ManagingOrganisation::valueOf).forEach(mine::add);
        return managed.containsAll(mine);
    }

    public ClaimCounts counts() {
        return new ClaimCounts(total(), resolved, keep, reroute, split, corrected, lostKeep, notFound);
    }

    public String jobId() {
        return jobId;
    }

    public String actor() {
        return actor;
    }

    int resolved() {
        return resolved;
    }
}
