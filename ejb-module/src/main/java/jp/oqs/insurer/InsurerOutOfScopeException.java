package jp.oqs.insurer;

import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.insurer.ManagingOrganisation;

/** A staff member acted on an insurer another organisation manages, or a read-only caller tried to change one. */
public class InsurerOutOfScopeException extends InsurerException {

    private static final long serialVersionUID = 1L;

    private final String insurerNumber;

    InsurerOutOfScopeException(String insurerNumber, ManagingOrganisation owner) {
        super(Kind.FORBIDDEN, ErrorCodes.INSURER_OUT_OF_SCOPE,
                "この保険者（" + insurerNumber + "）を操作する権限がありません。",
                "insurer " + insurerNumber + " is managed by " + owner
                        + "; ssk-admin manages SSK insurers, kokuho-admin KOKUHO_CHUOKAI insurers, auditor only reads");
        this.insurerNumber = insurerNumber;
    }

    /** The insurer the caller reached for. */
    public String insurerNumber() {
        return insurerNumber;
    }
}
