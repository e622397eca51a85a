package jp.oqs.web.person;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jp.oqs.api.audit.AccessHistoryRequest;
import jp.oqs.api.person.CardRegistration;
import jp.oqs.api.person.CardRegistrationApi;
import jp.oqs.api.person.CardRegistrationRequest;
import jp.oqs.eligibility.CertificateEnrolments;
import jp.oqs.eligibility.EnrolledCertificate;
import jp.oqs.eligibility.PersonAccess;
import jp.oqs.web.rest.BodyLimit;
import jp.oqs.web.rest.BusinessFailure;

/** No bearer token: the My Number card's signature over a challenge authenticates the person. */
@Path(CardRegistrationApi.PATH)
@RequestScoped
@PermitAll
public class CardRegistrationResource implements CardRegistrationApi {

    @EJB
    private PersonAccess access;

    @EJB
    private CertificateEnrolments enrolments;

    @Override
    @BodyLimit(BodyLimit.Kind.CERTIFICATE)
    public CardRegistration register(CardRegistrationRequest request) {
        return view(BusinessFailure.call(() -> enrolments.register(access.provenCard(request.certificate(),
                request.challenge(), request.signature()), request)));
    }

    @Override
    @BodyLimit(BodyLimit.Kind.CERTIFICATE)
    public CardRegistration withdraw(AccessHistoryRequest proof) {
        return view(BusinessFailure.call(() -> enrolments.withdrawRegistration(access.provenCard(
                proof.certificate(), proof.challenge(), proof.signature()))));
    }

    private static CardRegistration view(EnrolledCertificate enrolment) {
        return new CardRegistration(enrolment.enrolledAt(), enrolment.revokedAt());
    }
}
