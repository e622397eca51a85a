package jp.oqs.api.health;

/** Which code list a dispensed drug's code is of. */
public enum DrugCodeKind {
    /** 個別医薬品コード (YJコード): 12 letters and digits. */
    YJ,
    /** レセプト電算処理システム用医薬品コード: 9 digits. */
    RECEIPT
}
