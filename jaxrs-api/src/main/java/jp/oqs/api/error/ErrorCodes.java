package jp.oqs.api.error;

/** Stable error codes. They are part of the contract: codes are added, never renamed or reused. */
public final class ErrorCodes {

    // request shape
    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";

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

    // service side
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    public static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";

    private ErrorCodes() {
    }
}
