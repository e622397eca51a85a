package jp.oqs.qualification;

/**
 * A sync record breaks a rule. Raised before the record writes anything, so the rest of its batch still applies;
 * it never leaves the batch processor (the record's result carries it).
 */
public class RecordRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String hint;

    /**
     * @param message for the insurer's staff, Japanese
     * @param hint    for the sync job's developer, English
     */
    public RecordRejectedException(String code, String message, String hint) {
        super(message, null, false, false);
        this.code = code;
        this.hint = hint;
    }

    public String code() {
        return code;
    }

    public String hint() {
        return hint;
    }
}
