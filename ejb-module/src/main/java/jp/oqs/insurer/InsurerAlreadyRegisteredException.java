package jp.oqs.insurer;

import jp.oqs.api.error.ErrorCodes;

public class InsurerAlreadyRegisteredException extends InsurerException {

    private static final long serialVersionUID = 1L;

    public InsurerAlreadyRegisteredException(String insurerNumber) {
        super(Kind.CONFLICT, ErrorCodes.INSURER_ALREADY_REGISTERED,
                "保険者番号「" + insurerNumber + "」の保険者は既に登録されています。",
                "insurerNumber " + insurerNumber + " is already registered; GET it instead of onboarding again");
    }
}
