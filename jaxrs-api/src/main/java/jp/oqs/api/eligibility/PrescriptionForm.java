package jp.oqs.api.eligibility;

/** How the patient wants the prescription issued (chosen at the reader). */
public enum PrescriptionForm {
    /** 電子処方箋. */
    ELECTRONIC,
    /** 紙の処方箋. */
    PAPER
}
