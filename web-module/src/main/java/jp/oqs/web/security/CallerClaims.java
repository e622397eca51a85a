package jp.oqs.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.security.Roles;
import jp.oqs.identifier.InsurerNumber;
import jp.oqs.identifier.InvalidIdentifierException;
import jp.oqs.identifier.MedicalInstitutionCode;
import jp.oqs.platform.BusinessException;
import jakarta.security.enterprise.SecurityContext;

/** The custom claims of the caller's token, validated: a clinic acts only as the code its token carries. */
@RequestScoped
public class CallerClaims {

    @Inject
    private SecurityContext security;

    private TokenCaller token() throws BusinessException {
        return security.getPrincipalsByType(TokenCaller.class).stream().findFirst()
                .orElseThrow(() -> new ForbiddenCallerException(ErrorCodes.FORBIDDEN_ROLE,
                        "この操作はAPIの呼出しでのみ行えます。", "this call needs a bearer token"));
    }

    public String subject() {
        return security.getCallerPrincipal().getName();
    }

    public Set<String> groups() {
        return security.getPrincipalsByType(TokenCaller.class).stream().findFirst().map(TokenCaller::groups)
                .orElse(Set.of());
    }

    /** The clinic's 医療機関コード; a missing or malformed claim is the gateway's fault: 403. */
    public MedicalInstitutionCode medicalInstitutionCode() throws BusinessException {
        try {
            return medicalInstitutionCode(token());
        } catch (InvalidIdentifierException e) {
            throw new ForbiddenCallerException(ErrorCodes.FORBIDDEN_CLINIC,
                    "医療機関コードを確認できないため、照会できません。",
                    "the token's medicalInstitutionCode claim is missing or invalid: " + e.hint());
        }
    }

    /** The 医療機関コード a token's claim carries (a JSON string claim or a plain one). */
    static MedicalInstitutionCode medicalInstitutionCode(TokenCaller caller) throws InvalidIdentifierException {
        Object claim = caller.claim(Roles.CLAIM_MEDICAL_INSTITUTION_CODE);
        return MedicalInstitutionCode.parse(claim == null ? null : claim.toString().replace("\"", ""));
    }

    /** The insurers a sync job may write for; a malformed entry is the issuer's fault: 403. */
    public List<InsurerNumber> insurerNumbers() throws BusinessException {
        Object claim = token().claim(Roles.CLAIM_INSURER_NUMBERS);
        List<InsurerNumber> numbers = new ArrayList<>();
        if (claim instanceof Iterable<?> values) {
            for (Object value : values) {
                try {
                    numbers.add(InsurerNumber.parse(value.toString().replace("\"", "")));
                } catch (InvalidIdentifierException e) {
                    throw new ForbiddenCallerException(ErrorCodes.INVALID_INSURER_NUMBER,
                            "連携元の保険者番号を確認できません。",
                            "the token's insurerNumbers claim holds an invalid number: " + e.hint());
                }
            }
        }
        return numbers;
    }

    /** A token whose claims do not allow the call. */
    static final class ForbiddenCallerException extends BusinessException {

        private static final long serialVersionUID = 1L;

        ForbiddenCallerException(String code, String message, String hint) {
            super(Kind.FORBIDDEN, code, message, hint);
        }
    }
}
