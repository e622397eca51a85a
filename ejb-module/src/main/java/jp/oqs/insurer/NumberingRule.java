package jp.oqs.insurer;

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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import jp.oqs.api.insurer.CharacterClass;
import jp.oqs.api.insurer.CheckDigitScheme;
import jp.oqs.api.insurer.InsurerCategory;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;

/**
 * One entry of an insurer's numbering-rule history: from {@link #effectiveFrom()} on, new individual-unit numbers
 * are made by this rule. Rows are immutable; a change is a new rule from a later date.
 */
@Entity
@Table(name = "numbering_rule")
public class NumberingRule {

    @Id
    @SequenceGenerator(name = "numbering_rule_seq", sequenceName = "numbering_rule_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "numbering_rule_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "insurer_id", updatable = false)
    private Insurer insurer;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", updatable = false)
    private NumberingRuleKind kind;

    @Column(name = "effective_from", updatable = false)
    private LocalDate effectiveFrom;

    @Column(name = "format_length", updatable = false)
    private Integer length;

    @Enumerated(EnumType.STRING)
    @Column(name = "character_class", updatable = false)
    private CharacterClass characterClass;

    @Enumerated(EnumType.STRING)
    @Column(name = "check_digit_scheme", updatable = false)
    private CheckDigitScheme checkDigitScheme;

    @Column(name = "registered_at", updatable = false)
    private Instant registeredAt;

    @Column(name = "registered_by", updatable = false)
    private String registeredBy;

    protected NumberingRule() {
    }

    /**
     * Checks a requested rule against the insurer's category: an INSURER_RULE needs its format (a check digit
     * needs a digits-only format); the other kinds take no format; LATE_ELDERLY_PADDED is for 後期高齢者 only.
     */
    static NumberingRule define(Insurer insurer, NumberingRuleRequest request, Instant now, String actor)
            throws NumberingRuleException {
        NumberingRule rule = new NumberingRule();
        rule.insurer = insurer;
        rule.kind = request.kind();
        rule.effectiveFrom = request.effectiveFrom();
        rule.registeredAt = now;
        rule.registeredBy = actor;
        boolean formatGiven = request.length() != null || request.characterClass() != null
                || request.checkDigitScheme() != null;
        if (request.kind() == NumberingRuleKind.INSURER_RULE) {
            if (request.length() == null || request.characterClass() == null || request.checkDigitScheme() == null) {
                throw NumberingRuleException.invalid("保険者独自ルールには桁数・文字種・検証番号方式の登録が必要です。",
                        "INSURER_RULE needs length (4-16), characterClass and checkDigitScheme");
            }
            if (request.checkDigitScheme() != CheckDigitScheme.NONE
                    && request.characterClass() != CharacterClass.DIGITS) {
                throw NumberingRuleException.invalid("検証番号方式 " + request.checkDigitScheme()
                                + " は数字のみの番号にしか使えません。",
                        "checkDigitScheme " + request.checkDigitScheme() + " works on digits only: use characterClass "
                                + "DIGITS, or checkDigitScheme NONE");
            }
            rule.length = request.length();
            rule.characterClass = request.characterClass();
            rule.checkDigitScheme = request.checkDigitScheme();
        } else if (formatGiven) {
            throw NumberingRuleException.invalid("桁数・文字種・検証番号方式は保険者独自ルールの場合のみ指定できます。",
                    "length, characterClass and checkDigitScheme apply to INSURER_RULE only; omit them for "
                            + request.kind());
        }
        if (request.kind() == NumberingRuleKind.LATE_ELDERLY_PADDED
                && insurer.category() != InsurerCategory.LATE_ELDERLY) {
            throw NumberingRuleException.invalid("後期高齢者番号のゼロ埋めは後期高齢者医療広域連合（法別39）のみ選択できます。",
                    "LATE_ELDERLY_PADDED is allowed for 法別 39 insurers only; this insurer is " + insurer.category());
        }
        return rule;
    }

    public NumberingRuleKind kind() {
        return kind;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public Integer length() {
        return length;
    }

    public CharacterClass characterClass() {
        return characterClass;
    }

    public CheckDigitScheme checkDigitScheme() {
        return checkDigitScheme;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public String registeredBy() {
        return registeredBy;
    }
}
