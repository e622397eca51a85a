package jp.oqs.api.sync;

/** 性別 as on the card: 1 male, 2 female. */
public enum Sex {
    MALE, FEMALE
}
