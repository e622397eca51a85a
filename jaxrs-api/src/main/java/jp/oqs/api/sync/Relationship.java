package jp.oqs.api.sync;

/** 本人 (the insured person) or 家族 (a dependent). */
public enum Relationship {
    SELF, DEPENDENT
}
