package jp.oqs.web.person;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jp.oqs.api.eligibility.ConsentView;
import jp.oqs.api.person.ConsentApi;
import jp.oqs.api.person.ConsentWithdrawal;
import jp.oqs.eligibility.CertificateEnrolments;
import jp.oqs.eligibility.Consents;
import jp.oqs.eligibility.PersonAccess;
import jp.oqs.web.rest.BodyLimit;
import jp.oqs.web.rest.BusinessFailure;

/** No bearer token: the My Number card's signature over a challenge authenticates the person. */
@Path(ConsentApi.PATH)
@RequestScoped
@PermitAll
public class ConsentResource implements ConsentApi {

    @EJB
    private PersonAccess access;

    @EJB
    private CertificateEnrolments enrolments;

    @EJB
    private Consents consents;

    @Override
    @BodyLimit(BodyLimit.Kind.CERTIFICATE)
    public ConsentView withdraw(ConsentWithdrawal withdrawal) {
        return BusinessFailure.call(() -> consents.withdraw(enrolments.registeredPerson(access.provenCard(
                withdrawal.certificate(), withdrawal.challenge(), withdrawal.signature())),
                withdrawal.medicalInstitutionCode(), withdrawal.category()));
    }
}
