package jp.oqs.api.security;

/** Roles carried in the {@code groups} claim of the bearer token, and the custom claims that go with them. */
public final class Roles {

    /** A clinic or pharmacy; the token carries {@link #CLAIM_MEDICAL_INSTITUTION_CODE}. */
    public static final String CLINIC = "clinic";
    /** An intermediate-server sync job; the token carries {@link #CLAIM_INSURER_NUMBERS}. */
    public static final String INSURER_SYNC = "insurer-sync";
    /** 支払基金 staff: employee-insurance insurers. */
    public static final String SSK_ADMIN = "ssk-admin";
    /** 国保中央会 staff: 国保 and 後期高齢者 insurers. */
    public static final String KOKUHO_ADMIN = "kokuho-admin";
    /**
     * Reads the audit trail and the registry, changes nothing. A console auditor belongs to one organisation and
     * sees only that organisation's insurers' people and sync activity.
     */
    public static final String AUDITOR = "auditor";
    /**
     * Console only (no API resource admits it): creates, disables and re-enables auditor and security-administrator
     * accounts, and reads no personal data. Administrators of an organisation no longer grant auditors.
     */
    public static final String SECURITY_ADMIN = "security-admin";

    /** 10-digit 医療機関コード of the calling clinic. */
    public static final String CLAIM_MEDICAL_INSTITUTION_CODE = "medicalInstitutionCode";
    /** Array of 8-digit 保険者番号 a sync job may write for. */
    public static final String CLAIM_INSURER_NUMBERS = "insurerNumbers";

    private Roles() {
    }
}
