package jp.oqs.insurer;

import jp.oqs.api.error.ErrorCodes;

public class InsurerNotFoundException extends InsurerException {

    private static final long serialVersionUID = 1L;

    public InsurerNotFoundException(String insurerNumber) {
        super(Kind.NOT_FOUND, ErrorCodes.INSURER_NOT_FOUND, "保険者番号「" + insurerNumber + "」の保険者は登録されていません。",
                "no insurer is registered under insurerNumber " + insurerNumber);
    }
}
