package jp.oqs.qualification;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.sync.LossReason;
import jp.oqs.insurer.Insurer;

/**
 * One qualification (資格) of a person at an insurer. Its numbers never change; what changes over time lives in
 * {@link QualificationVersion}s. {@code lostOn} mirrors the loss recorded in the last version, for the rules that
 * need "is it still open".
 */
@Entity
@Table(name = "qualification")
@NamedQuery(name = "Qualification.ofPerson",
        query = "SELECT q FROM Qualification q WHERE q.person = :person ORDER BY q.acquiredOn")
@NamedQuery(name = "Qualification.ofPersons",
        query = "SELECT q FROM Qualification q WHERE q.person IN :persons ORDER BY q.acquiredOn")
@NamedQuery(name = "Qualification.byIndividualNumber",
        query = "SELECT q FROM Qualification q JOIN FETCH q.person p WHERE q.insurer = :insurer"
                + " AND q.individualNumber = :individualNumber AND p.birthDate = :birthDate")
@NamedQuery(name = "Qualification.byHousehold",
        query = "SELECT q FROM Qualification q JOIN FETCH q.person p WHERE q.insurer = :insurer"
                + " AND q.householdKey = :householdKey AND p.birthDate = :birthDate ORDER BY q.acquiredOn")
public class Qualification {

    /** Separates 記号 and 番号 in {@code householdKey}. */
    public static final char HOUSEHOLD_SEPARATOR = '\u001F';

    @Id
    @SequenceGenerator(name = "qualification_seq", sequenceName = "qualification_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "qualification_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id", updatable = false)
    private Person person;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "insurer_id", updatable = false)
    private Insurer insurer;

    /** The keys behind {@code person} and {@code insurer}, read only: for scalar queries that need no join. */
    @Column(name = "person_id", insertable = false, updatable = false)
    private Long personId;

    @Column(name = "insurer_id", insertable = false, updatable = false)
    private Long insurerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "numbering_rule", updatable = false)
    private NumberingRuleKind numberingRule;

    @Column(name = "symbol", updatable = false)
    private String symbol;

    @Column(name = "number_part", updatable = false)
    private String number;

    @Column(name = "household_key", updatable = false)
    private String householdKey;

    @Column(name = "branch_number", updatable = false)
    private String branchNumber;

    @Column(name = "individual_number", updatable = false)
    private String individualNumber;

    @Column(name = "number_key", updatable = false)
    private String numberKey;

    @Column(name = "acquired_on", updatable = false)
    private LocalDate acquiredOn;

    @Column(name = "lost_on")
    private LocalDate lostOn;

    @Column(name = "created_batch_id", updatable = false)
    private String createdBatchId;

    @Column(name = "created_record_id", updatable = false)
    private String createdRecordId;

    @OneToMany(mappedBy = "qualification", cascade = CascadeType.PERSIST)
    @OrderBy("validFrom ASC, id ASC")
    private List<QualificationVersion> versions = new ArrayList<>();

    protected Qualification() {
    }

    Qualification(Person person, Insurer insurer, AssignedNumber number, String symbol, String numberPart,
                  LocalDate acquiredOn, SourceRecord source) {
        this.person = person;
        this.insurer = insurer;
        this.numberingRule = number.rule();
        this.symbol = symbol == null || symbol.isEmpty() ? null : symbol;
        this.number = numberPart;
        this.householdKey = householdKey(symbol, numberPart);
        this.branchNumber = number.branchNumber();
        this.individualNumber = number.individualNumber();
        this.numberKey = individualNumber != null ? "I:" + individualNumber
                : "H:" + householdKey + HOUSEHOLD_SEPARATOR + branchNumber;
        this.acquiredOn = acquiredOn;
        this.createdBatchId = source.batchId();
        this.createdRecordId = source.recordId();
    }

    /** A new qualification and its first version, valid from the acquisition day. */
    public static Qualification acquire(Person person, Insurer insurer, AssignedNumber number, String symbol,
                                        String numberPart, LocalDate acquiredOn, VersionAttributes attributes,
                                        SourceRecord source, Instant now) {
        Qualification qualification = new Qualification(person, insurer, number, symbol, numberPart, acquiredOn,
                source);
        qualification.addVersion(new QualificationVersion(qualification, acquiredOn, null, attributes, null, null,
                source, now));
        return qualification;
    }

    /** New attributes from {@code date} on: a new version; the one it follows is closed the day before. */
    public QualificationVersion change(LocalDate date, VersionAttributes attributes, SourceRecord source,
                                       Instant now) throws RecordRejectedException {
        QualificationVersion latest = latestOpenVersion(date, "CHANGE");
        QualificationVersion next = new QualificationVersion(this, date, null, attributes, null, null, source, now);
        latest.closeAt(date);
        addVersion(next);
        return next;
    }

    /** 資格喪失: from {@code lostOn} the qualification is lost; the last version records why. */
    public QualificationVersion lose(LocalDate lostOn, LossReason reason, SourceRecord source, Instant now)
            throws RecordRejectedException {
        if (!lostOn.isAfter(acquiredOn)) {
            throw new RecordRejectedException(ErrorCodes.LOSS_BEFORE_ACQUISITION,
                    "資格喪失日が資格取得日（" + acquiredOn + "）以前です。",
                    "lostOn " + lostOn + " must be after the acquisition date " + acquiredOn
                            + " (lostOn is the first day without the qualification)");
        }
        QualificationVersion latest = latestOpenVersion(lostOn, "LOSE");
        QualificationVersion last = new QualificationVersion(this, lostOn, null, latest.attributes(), lostOn, reason,
                source, now);
        latest.closeAt(lostOn);
        addVersion(last);
        this.lostOn = lostOn;
        return last;
    }

    /** The current (not superseded) version that starts on {@code validFrom}: what a CORRECT replaces. */
    public QualificationVersion currentVersionFrom(LocalDate validFrom) throws RecordRejectedException {
        return versions.stream()
                .filter(v -> v.isCurrent() && v.validFrom().equals(validFrom))
                .findFirst()
                .orElseThrow(() -> new RecordRejectedException(ErrorCodes.VERSION_NOT_FOUND,
                        "訂正対象の履歴（" + validFrom + "開始）がありません。",
                        "CORRECT needs effectiveDate equal to the validFrom of a current version; "
                                + "this qualification has none starting " + validFrom));
    }

    /**
     * Replaces a current version with corrected attributes. The wrong version stays, marked as superseded by the
     * correction.
     */
    public QualificationVersion correct(QualificationVersion wrong, VersionAttributes attributes,
                                        SourceRecord source, Instant now) {
        QualificationVersion correction = new QualificationVersion(this, wrong.validFrom(), wrong.validTo(),
                attributes, wrong.lostOn(), wrong.lossReason(), source, now);
        addVersion(correction);
        wrong.supersedeBy(correction);
        return correction;
    }

    private QualificationVersion latestOpenVersion(LocalDate date, String operation) throws RecordRejectedException {
        if (lostOn != null) {
            throw new RecordRejectedException(ErrorCodes.QUALIFICATION_LOST,
                    "この資格は " + lostOn + " に喪失しています。",
                    operation + " on a qualification lost on " + lostOn + "; use CORRECT to fix its history");
        }
        QualificationVersion latest = latestVersion();
        if (!date.isAfter(latest.validFrom())) {
            throw new RecordRejectedException(ErrorCodes.CHANGE_BEFORE_LATEST_VERSION,
                    "最新の履歴（" + latest.validFrom() + "開始）より後の日付を指定してください。",
                    operation + " date " + date + " must be after the latest version's validFrom "
                            + latest.validFrom() + "; to fix an existing version send CORRECT");
        }
        return latest;
    }

    public static String householdKey(String symbol, String number) {
        return (symbol == null ? "" : symbol) + HOUSEHOLD_SEPARATOR + number;
    }

    /** Whether it is open on {@code date}: acquired by then and not lost. */
    public boolean isOpenOn(LocalDate date) {
        return !acquiredOn.isAfter(date) && (lostOn == null || lostOn.isAfter(date));
    }

    public boolean isOpen() {
        return lostOn == null;
    }

    /** The version in force on {@code date}, ignoring superseded ones. */
    public Optional<QualificationVersion> versionOn(LocalDate date) {
        return versions.stream().filter(v -> v.isCurrent() && v.covers(date)).findFirst();
    }

    /** The latest non-superseded version. */
    QualificationVersion latestVersion() {
        QualificationVersion latest = null;
        for (QualificationVersion version : versions) {
            if (version.isCurrent() && (latest == null || !version.validFrom().isBefore(latest.validFrom()))) {
                latest = version;
            }
        }
        return latest;
    }

    void addVersion(QualificationVersion version) {
        versions.add(version);
    }

    public Long id() {
        return id;
    }

    public Person person() {
        return person;
    }

    public Insurer insurer() {
        return insurer;
    }

    public NumberingRuleKind numberingRule() {
        return numberingRule;
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

    public LocalDate acquiredOn() {
        return acquiredOn;
    }

    public LocalDate lostOn() {
        return lostOn;
    }

    public List<QualificationVersion> versions() {
        return List.copyOf(versions);
    }
}
