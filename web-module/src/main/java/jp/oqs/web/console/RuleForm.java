package jp.oqs.web.console;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import jp.oqs.api.insurer.CharacterClass;
import jp.oqs.api.insurer.CheckDigitScheme;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;

/** The numbering-rule fields, shared by onboarding and "change rule from date"; the rules are the aggregate's. */
public class RuleForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private NumberingRuleKind kind;
    private LocalDate effectiveFrom;
    private Integer length;
    private CharacterClass characterClass;
    private CheckDigitScheme checkDigitScheme;

    NumberingRuleRequest toRequest() {
        boolean insurerRule = kind == NumberingRuleKind.INSURER_RULE;
        return new NumberingRuleRequest(kind, effectiveFrom, insurerRule ? length : null,
                insurerRule ? characterClass : null, insurerRule ? checkDigitScheme : null);
    }

    public boolean isInsurerRule() {
        return kind == NumberingRuleKind.INSURER_RULE;
    }

    public List<NumberingRuleKind> getKinds() {
        return List.of(NumberingRuleKind.values());
    }

    public List<CharacterClass> getCharacterClasses() {
        return List.of(CharacterClass.values());
    }

    public List<CheckDigitScheme> getCheckDigitSchemes() {
        return List.of(CheckDigitScheme.values());
    }

    public NumberingRuleKind getKind() {
        return kind;
    }

    public void setKind(NumberingRuleKind kind) {
        this.kind = kind;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public void setEffectiveFrom(LocalDate effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
    }

    public Integer getLength() {
        return length;
    }

    public void setLength(Integer length) {
        this.length = length;
    }

    public CharacterClass getCharacterClass() {
        return characterClass;
    }

    public void setCharacterClass(CharacterClass characterClass) {
        this.characterClass = characterClass;
    }

    public CheckDigitScheme getCheckDigitScheme() {
        return checkDigitScheme;
    }

    public void setCheckDigitScheme(CheckDigitScheme checkDigitScheme) {
        this.checkDigitScheme = checkDigitScheme;
    }
}
