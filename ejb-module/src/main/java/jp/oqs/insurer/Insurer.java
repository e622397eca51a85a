package jp.oqs.insurer;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedNativeQuery;
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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import jp.oqs.api.insurer.InsurerCategory;
import jp.oqs.api.insurer.InsurerStatus;
import jp.oqs.api.insurer.ManagingOrganisation;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.identifier.InsurerNumber;

/**
 * An insurer (保険者): the aggregate of its registration, lifecycle and numbering-rule history.
 * Category, managing organisation and prefecture follow from the insurer number.
 */
@Entity
@Table(name = "insurer")
@NamedNativeQuery(name = "Insurer.lock",
        query = "UPDATE insurer SET change_counter = change_counter WHERE insurer_number = ?")
@NamedQuery(name = "Insurer.findByNumber",
        query = "SELECT i FROM Insurer i WHERE i.insurerNumber = :insurerNumber")
public class Insurer {

    @Id
    @SequenceGenerator(name = "insurer_seq", sequenceName = "insurer_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "insurer_seq")
    private Long id;

    @Column(name = "insurer_number", updatable = false)
    private String insurerNumber;

    @Column(name = "name_kanji")
    private String nameKanji;

    @Column(name = "name_kana")
    private String nameKana;

    @Column(name = "prefecture_code", updatable = false)
    private String prefectureCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", updatable = false)
    private InsurerCategory category;

    @Enumerated(EnumType.STRING)
    @Column(name = "managing_organisation", updatable = false)
    private ManagingOrganisation managingOrganisation;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    private InsurerStatus status;

    @Column(name = "status_date")
    private LocalDate statusDate;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "successor_id")
    private Insurer successor;

    @Embedded
    private ContactInfo contact;

    @Column(name = "registered_at", updatable = false)
    private Instant registeredAt;

    @Column(name = "registered_by", updatable = false)
    private String registeredBy;

    @Column(name = "change_counter")
    private long changeCounter;

    @Version
    @Column(name = "row_version")
    private int version;

    @OneToMany(mappedBy = "insurer", cascade = CascadeType.PERSIST)
    @OrderBy("effectiveFrom ASC")
    private List<NumberingRule> numberingRules = new ArrayList<>();

    protected Insurer() {
    }

    /** A newly onboarded insurer, in state ONBOARDING. */
    public Insurer(InsurerNumber number, String nameKanji, String nameKana, ContactInfo contact,
                   Instant registeredAt, String registeredBy) {
        this.insurerNumber = number.value();
        this.nameKanji = nameKanji;
        this.nameKana = nameKana;
        this.prefectureCode = number.prefectureCode();
        this.category = number.category();
        this.managingOrganisation = number.managingOrganisation();
        this.status = InsurerStatus.ONBOARDING;
        this.contact = contact;
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
    }

    /**
     * Adds a rule to the history. The first rule may start on any date; every later one must start after
     * {@code today} and after the latest registered rule, so assigned numbers are never reinterpreted.
     */
    public NumberingRule addNumberingRule(NumberingRuleRequest request, LocalDate today, Instant now, String actor)
            throws NumberingRuleException, InsurerLifecycleException {
        if (isFinal()) {
            throw new InsurerLifecycleException(insurerNumber, status, "a numbering-rule change",
                    "統合・解散した保険者の採番ルールは変更できません。");
        }
        NumberingRule rule = NumberingRule.define(this, request, now, actor);
        if (!numberingRules.isEmpty()) {
            if (!rule.effectiveFrom().isAfter(today)) {
                throw NumberingRuleException.notInFuture(rule.effectiveFrom(), today);
            }
            LocalDate latest = numberingRules.get(numberingRules.size() - 1).effectiveFrom();
            if (!rule.effectiveFrom().isAfter(latest)) {
                throw NumberingRuleException.notAfterLatest(rule.effectiveFrom(), latest);
            }
        }
        numberingRules.add(rule);
        return rule;
    }

    /** The rule that makes numbers assigned on {@code date}, if one was in force then. */
    public Optional<NumberingRule> numberingRuleOn(LocalDate date) {
        NumberingRule inForce = null;
        for (NumberingRule rule : numberingRules) {
            if (rule.effectiveFrom().isAfter(date)) {
                break;
            }
            inForce = rule;
        }
        return Optional.ofNullable(inForce);
    }

    /** ONBOARDING or SUSPENDED → ACTIVE. Needs a numbering rule. */
    public void activate() throws InsurerLifecycleException, NumberingRuleException {
        if (status != InsurerStatus.ONBOARDING && status != InsurerStatus.SUSPENDED) {
            throw new InsurerLifecycleException(insurerNumber, status, "activation",
                    "この保険者は現在の状態（" + status + "）から有効化できません。");
        }
        if (numberingRules.isEmpty()) {
            throw NumberingRuleException.required(insurerNumber);
        }
        status = InsurerStatus.ACTIVE;
    }

    /** ACTIVE → SUSPENDED. */
    public void suspend() throws InsurerLifecycleException {
        if (status != InsurerStatus.ACTIVE) {
            throw new InsurerLifecycleException(insurerNumber, status, "suspension",
                    "有効な保険者のみ停止できます。");
        }
        status = InsurerStatus.SUSPENDED;
    }

    /** Merged into an ACTIVE insurer of the same managing organisation on {@code date}; final. */
    public void mergeInto(Insurer successor, LocalDate date) throws InsurerLifecycleException {
        if (status != InsurerStatus.ACTIVE && status != InsurerStatus.SUSPENDED) {
            throw new InsurerLifecycleException(insurerNumber, status, "a merger",
                    "有効または停止中の保険者のみ統合できます。");
        }
        if (successor == this || successor.status != InsurerStatus.ACTIVE
                || successor.managingOrganisation != managingOrganisation) {
            throw new InsurerLifecycleException(insurerNumber, status, "a merger into " + successor.insurerNumber
                    + " (" + successor.status + ", " + successor.managingOrganisation + ")",
                    "統合先は同じ管理機関の有効な別の保険者である必要があります。");
        }
        this.status = InsurerStatus.MERGED;
        this.successor = successor;
        this.statusDate = date;
    }

    /** Dissolved on {@code date}; final. */
    public void dissolve(LocalDate date) throws InsurerLifecycleException {
        if (isFinal()) {
            throw new InsurerLifecycleException(insurerNumber, status, "dissolution",
                    "統合・解散済みの保険者は解散できません。");
        }
        this.status = InsurerStatus.DISSOLVED;
        this.statusDate = date;
    }

    /** The next number of this insurer's changes feed; call only while holding the insurer's row lock. */
    public long nextChangeSequence() {
        return ++changeCounter;
    }

    public boolean isActive() {
        return status == InsurerStatus.ACTIVE;
    }

    private boolean isFinal() {
        return status == InsurerStatus.MERGED || status == InsurerStatus.DISSOLVED;
    }

    public Long id() {
        return id;
    }

    public String insurerNumber() {
        return insurerNumber;
    }

    public String nameKanji() {
        return nameKanji;
    }

    public String nameKana() {
        return nameKana;
    }

    public String prefectureCode() {
        return prefectureCode;
    }

    public InsurerCategory category() {
        return category;
    }

    public ManagingOrganisation managingOrganisation() {
        return managingOrganisation;
    }

    public InsurerStatus status() {
        return status;
    }

    public LocalDate statusDate() {
        return statusDate;
    }

    public Optional<String> successorInsurerNumber() {
        return Optional.ofNullable(successor).map(Insurer::insurerNumber);
    }

    public ContactInfo contact() {
        return contact;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public String registeredBy() {
        return registeredBy;
    }

    /** The rule history, oldest first. */
    public List<NumberingRule> numberingRules() {
        return Collections.unmodifiableList(numberingRules);
    }
}
