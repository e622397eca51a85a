package jp.oqs.qualification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.oqs.api.sync.CardClassification;
import jp.oqs.api.sync.ElderlyRecipient;
import jp.oqs.api.sync.LimitCategory;
import jp.oqs.api.sync.LimitCertificate;
import jp.oqs.api.sync.LimitCertificateClassification;
import jp.oqs.api.sync.LossReason;
import jp.oqs.api.sync.Relationship;
import jp.oqs.api.sync.SpecificDisease;

/**
 * What was true of a qualification from {@code validFrom} (inclusive) until {@code validTo} (exclusive; open while
 * null). Attributes are written once. Only two markers are ever set later, each once: {@code validTo} when a later
 * version takes over, {@code supersededBy} when a correction replaces this version.
 */
@Entity
@Table(name = "qualification_version")
@NamedQuery(name = "QualificationVersion.asOf",
        query = "SELECT v FROM QualificationVersion v JOIN FETCH v.qualification q JOIN FETCH q.insurer"
                + " WHERE q.person = :person AND v.supersededBy IS NULL"
                + " AND v.validFrom <= :asOf AND (v.validTo IS NULL OR v.validTo > :asOf)"
                + " ORDER BY q.acquiredOn")
@NamedQuery(name = "QualificationVersion.ofQualificationAsOf",
        query = "SELECT v FROM QualificationVersion v WHERE v.qualification = :qualification"
                + " AND v.supersededBy IS NULL AND v.validFrom <= :asOf AND (v.validTo IS NULL OR v.validTo > :asOf)")
public class QualificationVersion {

    /** 未就学児の負担割合: 2割 until the March 31 after the child reaches 6 (健康保険法 第74条, 国民健康保険法 第42条). */
    public static final int PRESCHOOL_RATIO = 20;

    @Id
    @SequenceGenerator(name = "qualification_version_seq", sequenceName = "qualification_version_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "qualification_version_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "qualification_id", updatable = false)
    private Qualification qualification;

    /** The keys behind {@code qualification} and {@code supersededBy}, read only: for scalar queries. */
    @Column(name = "qualification_id", insertable = false, updatable = false)
    private Long qualificationId;

    @Column(name = "superseded_by", insertable = false, updatable = false)
    private Long supersededById;

    @Column(name = "valid_from", updatable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "relationship", updatable = false)
    private Relationship relationship;

    @Column(name = "name_kanji", updatable = false)
    private String nameKanji;

    @Column(name = "name_kana", updatable = false)
    private String nameKana;

    @Column(name = "copay_ratio", updatable = false)
    private int copayRatio;

    @Column(name = "card_issued_on", updatable = false)
    private LocalDate cardIssuedOn;

    @Column(name = "card_expires_on", updatable = false)
    private LocalDate cardExpiresOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "card_classification", updatable = false)
    private CardClassification cardClassification;

    @Column(name = "elderly_issued_on", updatable = false)
    private LocalDate elderlyIssuedOn;

    @Column(name = "elderly_valid_from", updatable = false)
    private LocalDate elderlyValidFrom;

    @Column(name = "elderly_valid_to", updatable = false)
    private LocalDate elderlyValidTo;

    @Column(name = "elderly_ratio", updatable = false)
    private Integer elderlyRatio;

    @Enumerated(EnumType.STRING)
    @Column(name = "limit_classification", updatable = false)
    private LimitCertificateClassification limitClassification;

    @Enumerated(EnumType.STRING)
    @Column(name = "limit_category", updatable = false)
    private LimitCategory limitCategory;

    @Column(name = "limit_issued_on", updatable = false)
    private LocalDate limitIssuedOn;

    @Column(name = "limit_valid_from", updatable = false)
    private LocalDate limitValidFrom;

    @Column(name = "limit_valid_to", updatable = false)
    private LocalDate limitValidTo;

    @Column(name = "limit_long_term_on", updatable = false)
    private LocalDate limitLongTermInpatientOn;

    /** See {@link SpecificDiseasesColumn}. */
    @Column(name = "specific_diseases", updatable = false)
    private String specificDiseases;

    @Column(name = "lost_on", updatable = false)
    private LocalDate lostOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "loss_reason", updatable = false)
    private LossReason lossReason;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "superseded_by")
    private QualificationVersion supersededBy;

    @Column(name = "batch_id", updatable = false)
    private String batchId;

    @Column(name = "record_id", updatable = false)
    private String recordId;

    @Column(name = "recorded_at", updatable = false)
    private Instant recordedAt;

    protected QualificationVersion() {
    }

    QualificationVersion(Qualification qualification, LocalDate validFrom, LocalDate validTo,
                         VersionAttributes attributes, LocalDate lostOn, LossReason lossReason,
                         SourceRecord source, Instant recordedAt) {
        this.qualification = qualification;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.relationship = attributes.relationship();
        this.nameKanji = attributes.nameKanji();
        this.nameKana = attributes.nameKana();
        this.copayRatio = attributes.copayRatio();
        this.cardIssuedOn = attributes.cardIssuedOn();
        this.cardExpiresOn = attributes.cardExpiresOn();
        this.cardClassification = attributes.cardClassification();
        ElderlyRecipient elderly = attributes.elderlyRecipient();
        if (elderly != null) {
            this.elderlyIssuedOn = elderly.issuedOn();
            this.elderlyValidFrom = elderly.validFrom();
            this.elderlyValidTo = elderly.validTo();
            this.elderlyRatio = elderly.ratio();
        }
        LimitCertificate limit = attributes.limitCertificate();
        if (limit != null) {
            this.limitClassification = limit.classification();
            this.limitCategory = limit.category();
            this.limitIssuedOn = limit.issuedOn();
            this.limitValidFrom = limit.validFrom();
            this.limitValidTo = limit.validTo();
            this.limitLongTermInpatientOn = limit.longTermInpatientOn();
        }
        this.specificDiseases = SpecificDiseasesColumn.write(attributes.specificDiseases());
        this.lostOn = lostOn;
        this.lossReason = lossReason;
        this.batchId = source.batchId();
        this.recordId = source.recordId();
        this.recordedAt = recordedAt;
    }

    boolean covers(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || validTo.isAfter(date));
    }

    /** Not replaced by a correction. */
    public boolean isCurrent() {
        return supersededBy == null;
    }

    void closeAt(LocalDate date) {
        if (validTo != null && !validTo.equals(date)) {
            throw new IllegalStateException("a version is closed once");
        }
        this.validTo = date;
    }

    void supersedeBy(QualificationVersion correction) {
        if (supersededBy != null) {
            throw new IllegalStateException("a version is superseded once");
        }
        this.supersededBy = correction;
    }

    public VersionAttributes attributes() {
        return new VersionAttributes(relationship, nameKanji, nameKana, copayRatio, cardIssuedOn, cardExpiresOn,
                cardClassification, elderlyRecipient(), limitCertificate(), specificDiseases());
    }

    /**
     * The copay ratio a clinic is answered for a visit on {@code date}: the 高齢受給者証's ratio while it is valid
     * that day; for a child not yet at school ({@link Ages#preschoolOn 未就学}) 20 % ({@link #PRESCHOOL_RATIO}), the
     * statutory ratio whatever the insurer recorded for the household, unless the recorded one is lower; else the
     * qualification's recorded ratio. The two never meet: a holder of a 高齢受給者証 is 70 or older.
     */
    public int copayRatioOn(LocalDate date) {
        ElderlyRecipient elderly = elderlyRecipient();
        if (elderly != null && elderly.validOn(date)) {
            return elderly.ratio();
        }
        return Ages.preschoolOn(qualification.person().birthDate(), date) ? Math.min(copayRatio, PRESCHOOL_RATIO)
                : copayRatio;
    }

    public Long id() {
        return id;
    }

    public Qualification qualification() {
        return qualification;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    public Relationship relationship() {
        return relationship;
    }

    public String nameKanji() {
        return nameKanji;
    }

    public String nameKana() {
        return nameKana;
    }

    public int copayRatio() {
        return copayRatio;
    }

    public LocalDate cardIssuedOn() {
        return cardIssuedOn;
    }

    public LocalDate cardExpiresOn() {
        return cardExpiresOn;
    }

    public CardClassification cardClassification() {
        return cardClassification;
    }

    /** The 高齢受給者証 held in this version, or {@code null}. */
    public ElderlyRecipient elderlyRecipient() {
        return elderlyValidFrom == null ? null
                : new ElderlyRecipient(elderlyIssuedOn, elderlyValidFrom, elderlyValidTo, elderlyRatio);
    }

    /** The 限度額適用認定証 held in this version, or {@code null}. */
    public LimitCertificate limitCertificate() {
        return limitValidFrom == null ? null : new LimitCertificate(limitClassification, limitCategory,
                limitIssuedOn, limitValidFrom, limitValidTo, limitLongTermInpatientOn);
    }

    /** The 特定疾病療養受療証 held in this version (empty when none). */
    public List<SpecificDisease> specificDiseases() {
        return SpecificDiseasesColumn.read(specificDiseases);
    }

    public LocalDate lostOn() {
        return lostOn;
    }

    public LossReason lossReason() {
        return lossReason;
    }

    public String batchId() {
        return batchId;
    }

    public String recordId() {
        return recordId;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
