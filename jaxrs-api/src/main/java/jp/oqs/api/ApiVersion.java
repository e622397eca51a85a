package jp.oqs.api;

/** Where the versioned REST API lives below the application's context root ({@code /oqs}). */
public final class ApiVersion {

    /** Application path of version 1, relative to the context root. */
    public static final String V1 = "api/v1";

    private ApiVersion() {
    }
}
