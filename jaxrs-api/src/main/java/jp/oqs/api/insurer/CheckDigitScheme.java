package jp.oqs.api.insurer;

/** Check digit over an {@link NumberingRuleKind#INSURER_RULE} number: its last character checks the rest. */
public enum CheckDigitScheme {
    /** No check digit. */
    NONE,
    /** Luhn (weights 2,1,2,… from the rightmost body digit), as for 保険者番号. Digits only. */
    LUHN,
    /** Modulus 11 with weights 2–7 from the right; remainder 0 or 1 gives check digit 0. Digits only. */
    MOD11
}
