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
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The custom claims of the caller's token, validated: a clinic acts only as the code its token carries. */
@RequestScoped
public class CallerClaims {

    @Inject
    private JsonWebToken token;

    public String subject() {
        return token.getSubject();
    }

    public Set<String> groups() {
        return token.getGroups();
    }

    /** The clinic's 医療機関コード; a missing or malformed claim is the gateway's fault: 403. */
    public MedicalInstitutionCode medicalInstitutionCode() throws BusinessException {
        Object claim = token.getClaim(Roles.CLAIM_MEDICAL_INSTITUTION_CODE);
        String value = claim == null ? null : claim.toString().replace("\"", "");
        try {
            return MedicalInstitutionCode.parse(value);
        } catch (InvalidIdentifierException e) {
            throw new ForbiddenCallerException(ErrorCodes.FORBIDDEN_CLINIC,
                    "医療機関コードを確認できないため、照会できません。",
                    "the token's medicalInstitutionCode claim is missing or invalid: " + e.hint());
        }
    }

    /** The insurers a sync job may write for; a malformed entry is the issuer's fault: 403. */
    public List<InsurerNumber> insurerNumbers() throws BusinessException {
        Object claim = token.getClaim(Roles.CLAIM_INSURER_NUMBERS);
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
