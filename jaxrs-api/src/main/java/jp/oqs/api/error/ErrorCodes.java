package jp.oqs.api.error;

/** Stable error codes. They are part of the contract: codes are added, never renamed or reused. */
public final class ErrorCodes {

    // request shape
    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    /** A path that cannot be decoded (answered by the HTTP listener's guard, before the application). */
    public static final String MALFORMED_PATH = "MALFORMED_PATH";
    /** A request head or body framing that is not HTTP (answered by the HTTP listener's guard). */
    public static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
    /** A request line and headers above the listener's 8 KiB (431, answered by the HTTP listener's guard). */
    public static final String REQUEST_HEAD_TOO_LARGE = "REQUEST_HEAD_TOO_LARGE";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    /** A request body above the endpoint's limit (sync batches: {@link #BATCH_TOO_LARGE}, bulk: {@link #BULK_TOO_LARGE}). */
    public static final String BODY_TOO_LARGE = "BODY_TOO_LARGE";

    // callers
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String FORBIDDEN_ROLE = "FORBIDDEN_ROLE";
    public static final String INSURER_OUT_OF_SCOPE = "INSURER_OUT_OF_SCOPE";
    public static final String FORBIDDEN_CLINIC = "FORBIDDEN_CLINIC";

    // identifiers
    public static final String INVALID_INSURER_NUMBER = "INVALID_INSURER_NUMBER";
    public static final String INVALID_MEDICAL_INSTITUTION_CODE = "INVALID_MEDICAL_INSTITUTION_CODE";

    // insurer registry
    public static final String INSURER_NOT_FOUND = "INSURER_NOT_FOUND";
    public static final String INSURER_ALREADY_REGISTERED = "INSURER_ALREADY_REGISTERED";
    public static final String INSURER_LIFECYCLE_VIOLATION = "INSURER_LIFECYCLE_VIOLATION";
    public static final String NUMBERING_RULE_REQUIRED = "NUMBERING_RULE_REQUIRED";
    public static final String INVALID_NUMBERING_RULE = "INVALID_NUMBERING_RULE";
    public static final String NUMBERING_RULE_DATE_NOT_IN_FUTURE = "NUMBERING_RULE_DATE_NOT_IN_FUTURE";
    public static final String NUMBERING_RULE_DATE_NOT_AFTER_LATEST = "NUMBERING_RULE_DATE_NOT_AFTER_LATEST";

    // sync batches
    public static final String BATCH_ID_REUSED = "BATCH_ID_REUSED";
    public static final String BATCH_TOO_LARGE = "BATCH_TOO_LARGE";
    public static final String BATCH_NOT_FOUND = "BATCH_NOT_FOUND";
    public static final String NOTICE_NOT_FOUND = "NOTICE_NOT_FOUND";

    // sync records (per-record rejections)
    public static final String RECORD_INVALID = "RECORD_INVALID";
    public static final String DUPLICATE_RECORD_ID = "DUPLICATE_RECORD_ID";
    public static final String MY_NUMBER_NOT_ACCEPTED = "MY_NUMBER_NOT_ACCEPTED";
    public static final String DATE_OUT_OF_RANGE = "DATE_OUT_OF_RANGE";
    public static final String INSURER_NOT_ACTIVE = "INSURER_NOT_ACTIVE";
    public static final String NO_NUMBERING_RULE = "NO_NUMBERING_RULE";
    public static final String PERSON_MISMATCH = "PERSON_MISMATCH";
    public static final String QUALIFICATION_NOT_FOUND = "QUALIFICATION_NOT_FOUND";
    public static final String QUALIFICATION_ALREADY_OPEN = "QUALIFICATION_ALREADY_OPEN";
    public static final String QUALIFICATION_OVERLAP = "QUALIFICATION_OVERLAP";
    public static final String QUALIFICATION_LOST = "QUALIFICATION_LOST";
    public static final String LOSS_BEFORE_ACQUISITION = "LOSS_BEFORE_ACQUISITION";
    public static final String CHANGE_BEFORE_LATEST_VERSION = "CHANGE_BEFORE_LATEST_VERSION";
    public static final String VERSION_NOT_FOUND = "VERSION_NOT_FOUND";
    public static final String INVALID_INDIVIDUAL_NUMBER = "INVALID_INDIVIDUAL_NUMBER";
    public static final String INDIVIDUAL_NUMBER_TAKEN = "INDIVIDUAL_NUMBER_TAKEN";
    public static final String INVALID_BRANCH_NUMBER = "INVALID_BRANCH_NUMBER";
    public static final String BRANCH_NUMBER_TAKEN = "BRANCH_NUMBER_TAKEN";

    // eligibility
    public static final String BIRTH_DATE_REQUIRED = "BIRTH_DATE_REQUIRED";
    public static final String IDENTIFIER_REQUIRED = "IDENTIFIER_REQUIRED";
    public static final String AS_OF_IN_FUTURE = "AS_OF_IN_FUTURE";
    public static final String BULK_TOO_LARGE = "BULK_TOO_LARGE";
    public static final String RECEPTION_NOT_FOUND = "RECEPTION_NOT_FOUND";
    /** 429: the clinic's lookups per minute or bulk entries per day are used up; see {@code Retry-After}. */
    public static final String RATE_LIMITED = "RATE_LIMITED";
    /** 409: a clinic's 照会番号 registrations would exceed the configured number per clinic. */
    public static final String REFERENCE_NUMBERS_FULL = "REFERENCE_NUMBERS_FULL";
    /** 409: another registration of the same cards by the same clinic committed meanwhile; send again. */
    public static final String REFERENCE_NUMBERS_CONFLICT = "REFERENCE_NUMBERS_CONFLICT";

    // certificates and the person's own access
    public static final String CERTIFICATE_INVALID = "CERTIFICATE_INVALID";
    public static final String CERTIFICATE_EXPIRED = "CERTIFICATE_EXPIRED";
    public static final String CERTIFICATE_REVOKED = "CERTIFICATE_REVOKED";
    public static final String CERTIFICATE_UNTRUSTED = "CERTIFICATE_UNTRUSTED";
    public static final String CERTIFICATE_REVOCATION_UNKNOWN = "CERTIFICATE_REVOCATION_UNKNOWN";
    public static final String CERTIFICATE_NOT_ENROLLED = "CERTIFICATE_NOT_ENROLLED";
    public static final String CERTIFICATE_ALREADY_ENROLLED = "CERTIFICATE_ALREADY_ENROLLED";
    public static final String PERSON_NOT_FOUND = "PERSON_NOT_FOUND";
    public static final String CHALLENGE_INVALID = "CHALLENGE_INVALID";
    public static final String SIGNATURE_INVALID = "SIGNATURE_INVALID";

    // card sessions at the reader, card registration and consents
    public static final String CARD_SESSION_NOT_FOUND = "CARD_SESSION_NOT_FOUND";
    public static final String CARD_SESSION_EXPIRED = "CARD_SESSION_EXPIRED";
    public static final String CARD_NOT_REGISTERED = "CARD_NOT_REGISTERED";
    public static final String CARD_SESSION_REQUIRED = "CARD_SESSION_REQUIRED";
    public static final String CONSENT_NOT_FOUND = "CONSENT_NOT_FOUND";
    /** 403: the consent of this category to the clinic ran out (24 hours after it was given at the reader). */
    public static final String CONSENT_EXPIRED = "CONSENT_EXPIRED";
    /** 403: the person withdrew the consent of this category to the clinic (with the card, or "no" at the reader). */
    public static final String CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN";

    // health records (特定健診, 薬剤情報): per-record rejections
    /** The record's person is not, and never was, insured by the batch's insurer (or the link key is unknown). */
    public static final String PERSON_NOT_INSURED = "PERSON_NOT_INSURED";
    /** A check-up value outside the range its item accepts. */
    public static final String CHECKUP_VALUE_OUT_OF_RANGE = "CHECKUP_VALUE_OUT_OF_RANGE";
    /** A check-up value in another unit than its item's, or not a value of its item's form. */
    public static final String CHECKUP_VALUE_INVALID = "CHECKUP_VALUE_INVALID";

    // claims (レセプト振替・分割)
    public static final String CLAIMS_TOO_LARGE = "CLAIMS_TOO_LARGE";
    public static final String CLAIM_INVALID = "CLAIM_INVALID";
    public static final String CLAIM_JOB_NOT_FOUND = "CLAIM_JOB_NOT_FOUND";
    public static final String CLAIM_JOB_NOT_DONE = "CLAIM_JOB_NOT_DONE";

    // service side
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    public static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";

    private ErrorCodes() {
    }
}
