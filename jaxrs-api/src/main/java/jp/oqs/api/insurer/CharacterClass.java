package jp.oqs.api.insurer;

/** Characters an {@link NumberingRuleKind#INSURER_RULE} number may contain. */
public enum CharacterClass {
    /** 0–9 only. */
    DIGITS,
    /** 0–9 and A–Z. */
    UPPER_ALPHANUMERIC
}
