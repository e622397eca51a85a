package jp.oqs.web.eligibility;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jp.oqs.api.eligibility.CardConfirmation;
import jp.oqs.api.eligibility.CardSession;
import jp.oqs.api.eligibility.CardSessionApi;
import jp.oqs.api.eligibility.CardSessionResult;
import jp.oqs.api.security.Roles;
import jp.oqs.eligibility.CardSessions;
import jp.oqs.eligibility.ReaderSession;
import jp.oqs.identifier.MedicalInstitutionCode;
import jp.oqs.web.rest.BodyLimit;
import jp.oqs.web.rest.BusinessFailure;
import jp.oqs.web.security.CallerClaims;

@Path(CardSessionApi.PATH)
@RequestScoped
@RolesAllowed(Roles.CLINIC)
public class CardSessionResource implements CardSessionApi {

    @EJB
    private CardSessions sessions;

    @Inject
    private CallerClaims claims;

    @Override
    public CardSession open() {
        ReaderSession session = sessions.open(clinic());
        return new CardSession(session.id(), session.nonce(), session.expiresAt());
    }

    @Override
    @BodyLimit(BodyLimit.Kind.CERTIFICATE)
    public CardSessionResult confirm(String sessionId, CardConfirmation confirmation) {
        return BusinessFailure.call(() -> sessions.confirm(clinic(), sessionId, confirmation));
    }

    private MedicalInstitutionCode clinic() {
        return BusinessFailure.call(claims::medicalInstitutionCode);
    }
}
