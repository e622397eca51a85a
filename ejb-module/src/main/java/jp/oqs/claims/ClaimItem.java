package jp.oqs.claims;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import jp.oqs.api.claims.Claim;
import jp.oqs.api.claims.ClaimDisposition;
import jp.oqs.api.claims.ClaimReason;
import jp.oqs.api.claims.ClaimSegment;
import jp.oqs.api.sync.Relationship;

/**
 * One claim of a job as the operator sent it (the contract's forms fit these columns; the insurer number is kept
 * as 8 digits), never changed; once resolved, its {@link ClaimItemResolution} beside it.
 */
@Entity
@Table(name = "claim_item")
@IdClass(ClaimItem.Key.class)
@NamedQuery(name = "ClaimItem.unresolved",
        query = "SELECT c FROM ClaimItem c WHERE c.jobId = :jobId AND c.index >= :from AND c.index < :to"
                + " ORDER BY c.index")
@NamedQuery(name = "ClaimItem.page",
        query = "SELECT c FROM ClaimItem c LEFT JOIN FETCH c.resolution WHERE c.jobId = :jobId ORDER BY c.index")
@NamedQuery(name = "ClaimItem.changedOfClinic",
        query = "SELECT c FROM ClaimItem c JOIN FETCH c.resolution r WHERE c.jobId = :jobId"
                + " AND c.clinicCode = :clinic AND c.serviceMonth = :month AND r.disposition IN :dispositions"
                + " ORDER BY c.index")
public class ClaimItem {

    /** Primary key: the job and the claim's position in it. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String jobId;
        private int index;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && index == that.index && jobId.equals(that.jobId);
        }

        @Override
        public int hashCode() {
            return 31 * jobId.hashCode() + index;
        }
    }

    @Id
    @Column(name = "job_id")
    private String jobId;

    @Id
    @Column(name = "item_index")
    private int index;

    @Column(name = "claim_id", updatable = false)
    private String claimId;

    @Column(name = "clinic_code", updatable = false)
    private String clinicCode;

    @Column(name = "service_month", updatable = false)
    private String serviceMonth;

    @Column(name = "service_dates", updatable = false)
    private String serviceDates;

    @Column(name = "insurer_number", updatable = false)
    private String insurerNumber;

    @Column(name = "symbol", updatable = false)
    private String symbol;

    @Column(name = "number_part", updatable = false)
    private String number;

    @Column(name = "branch_number", updatable = false)
    private String branchNumber;

    @Column(name = "individual_number", updatable = false)
    private String individualNumber;

    @Column(name = "birth_date", updatable = false)
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "relationship", updatable = false)
    private Relationship relationship;

    @Column(name = "public_expense", updatable = false)
    private int publicExpense;

    /** What routing decided, once it has: a row of its own (V26), read with the claim by the pages. */
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumns({
            @JoinColumn(name = "job_id", referencedColumnName = "job_id", insertable = false, updatable = false),
            @JoinColumn(name = "item_index", referencedColumnName = "item_index", insertable = false,
                    updatable = false)})
    private ClaimItemResolution resolution;

    protected ClaimItem() {
    }

    /** The claim, with its insurer number as 8 digits ({@code insurerNumber}), blank numbers as absent. */
    ClaimItem(String jobId, int index, Claim claim, String insurerNumber) {
        this.jobId = jobId;
        this.index = index;
        this.claimId = claim.claimId();
        this.clinicCode = claim.medicalInstitutionCode();
        this.serviceMonth = claim.serviceMonth();
        this.serviceDates = claim.serviceDates().stream().sorted().distinct().map(LocalDate::toString)
                .collect(Collectors.joining(","));
        this.insurerNumber = insurerNumber;
        this.symbol = stripped(claim.symbol());
        this.number = stripped(claim.number());
        this.branchNumber = stripped(claim.branchNumber());
        this.individualNumber = stripped(claim.individualNumber());
        this.birthDate = claim.birthDate();
        this.relationship = claim.relationship();
        this.publicExpense = claim.hasPublicExpense() ? 1 : 0;
    }

    private static String stripped(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** What the routing rule needs of the claim. */
    ClaimRouting.WrittenClaim written() {
        return new ClaimRouting.WrittenClaim(insurerNumber, symbol, number, branchNumber, individualNumber,
                Arrays.stream(serviceDates.split(",")).map(LocalDate::parse).toList(), relationship, publicExpense == 1);
    }

    /** The resolution, as a row to persist with the chunk that decided it. */
    ClaimItemResolution resolved(ClaimRouting.Resolution decided) {
        return new ClaimItemResolution(jobId, index, decided);
    }

    /** The segments of a re-routed, split or corrected claim; none before it is resolved. */
    public List<ClaimSegment> segments() {
        return resolution == null ? List.of() : resolution.segments();
    }

    public int index() {
        return index;
    }

    public String claimId() {
        return claimId;
    }

    public String clinicCode() {
        return clinicCode;
    }

    public String serviceMonth() {
        return serviceMonth;
    }

    public String insurerNumber() {
        return insurerNumber;
    }

    public String symbol() {
        return symbol;
    }

    public String number() {
        return number;
    }

    public String branchNumber() {
        return branchNumber;
    }

    public String individualNumber() {
        return individualNumber;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** The disposition, {@code null} before the claim is resolved. */
    public ClaimDisposition disposition() {
        return resolution == null ? null : resolution.disposition();
    }

    public ClaimReason reason() {
        return resolution == null ? null : resolution.reason();
    }
}
