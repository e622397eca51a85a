package jp.oqs.api;

/**
 * The forms and sizes of request fields, as the request records and parameters declare them with Bean Validation.
 * Every text field has a maximum length that fits its database column; a field kept in a column sized in bytes
 * (Oracle {@code VARCHAR2(n)}) takes printable ASCII only, so that its length in characters is its length in
 * bytes. A value that breaks a rule is refused with 400 {@code INVALID_REQUEST}, never shortened.
 */
public final class Formats {

    /** Text without control characters (tab and newline included) and without unpaired UTF-16 surrogates. */
    public static final String TEXT = "[^\\p{Cc}\\p{Cs}]*";
    /** Printable ASCII (space to tilde). */
    public static final String ASCII = "[\\x20-\\x7E]*";
    /** Base64, standard alphabet, with padding and the line breaks MIME allows. */
    public static final String BASE64 = "[A-Za-z0-9+/=\\r\\n]*";
    /** An access-history challenge as the service issues it. */
    public static final String CHALLENGE = "[0-9A-Za-z:._-]*";
    /** A clinic's 照会番号 (its own patient id): 1–20 letters, digits, hyphens or underscores, never a name. */
    public static final String CLINIC_REFERENCE = "[0-9A-Za-z_-]{1,20}";

    /** What a caller is told when a value breaks one of the patterns above. */
    public static final String TEXT_MESSAGE = "must not contain control characters or unpaired surrogates";
    public static final String ASCII_MESSAGE = "must be printable ASCII";
    public static final String BASE64_MESSAGE = "must be base64";
    public static final String CHALLENGE_MESSAGE = "must be a challenge as GET .../challenge issued it";
    /** A card session's id as the service issues it (a UUID). */
    public static final String SESSION_ID = "[0-9a-f-]*";
    public static final String SESSION_ID_MESSAGE = "must be a sessionId as POST eligibility/card-sessions issued it";
    /** 医療機関コード: 10 digits. */
    public static final String DIGITS = "[0-9]*";
    public static final String DIGITS_MESSAGE = "must be digits";
    public static final String CLINIC_REFERENCE_MESSAGE = "must be 1-20 letters, digits, '-' or '_'";

    /** 保険者番号: 8 digits, or 6 for 国保. */
    public static final int INSURER_NUMBER = 8;
    /** 記号 and 番号 (insurer-assigned, may hold kanji and kana). */
    public static final int SYMBOL = 40;
    public static final int NUMBER = 40;
    /** 枝番: 2 digits. */
    public static final int BRANCH_NUMBER = 2;
    /** 個人単位の被保険者番号: 16 characters at most. */
    public static final int INDIVIDUAL_NUMBER = 16;
    /** Callers' references: record ids, bulk entry ids, person link keys. */
    public static final int REFERENCE = 64;
    /** Names (kanji, kana), departments, persons. */
    public static final int NAME = 100;
    /** A card's user certificate, DER in base64 (about 6 KiB of DER). */
    public static final int CERTIFICATE = 8192;
    /** 特定疾病療養受療証 of a record: at most one per category. */
    public static final int SPECIFIC_DISEASES = 3;
    /** Certificate groups a record ends: each of the three at most once. */
    public static final int CERTIFICATE_GROUPS = 3;
    /** A signature in base64 (RSA 4096 bits: 684 characters). */
    public static final int SIGNATURE = 1024;
    public static final int CHALLENGE_LENGTH = 128;
    /** A card session's id (a UUID). */
    public static final int SESSION_ID_LENGTH = 36;
    /** 医療機関コード. */
    public static final int MEDICAL_INSTITUTION_CODE = 10;
    /** A bulk check's 受付番号. */
    public static final int RECEPTION_NUMBER = 20;
    /** A search text. */
    public static final int QUERY = 100;

    /**
     * The highest page number of a paged list. With the largest page size (10,000) the first row of the last
     * page is far below 2<sup>31</sup>.
     */
    public static final int MAX_PAGE = 100_000;

    /** A month, {@code yyyy-MM} (a claim's 診療年月). */
    public static final String YEAR_MONTH = "[0-9]{4}-(0[1-9]|1[0-2])";
    public static final String YEAR_MONTH_MESSAGE = "must be a month as yyyy-MM";
    /** A claims job's id as the service issues it: C, the day, 11 digits. */
    public static final String CLAIM_JOB_ID = "C[0-9]{19}";
    public static final String CLAIM_JOB_ID_MESSAGE = "must be a jobId as POST claims/qualification-resolutions issued it";
    public static final int CLAIM_JOB_ID_LENGTH = 20;

    private Formats() {
    }
}
