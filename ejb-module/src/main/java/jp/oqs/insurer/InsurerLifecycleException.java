package jp.oqs.insurer;

import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.insurer.InsurerStatus;

/** A lifecycle step that the insurer's current state does not allow. */
public class InsurerLifecycleException extends InsurerException {

    private static final long serialVersionUID = 1L;

    InsurerLifecycleException(String insurerNumber, InsurerStatus status, String step, String message) {
        super(Kind.CONFLICT, ErrorCodes.INSURER_LIFECYCLE_VIOLATION, message,
                "insurer " + insurerNumber + " is " + status + "; " + step + " is not allowed from that state");
    }
}
