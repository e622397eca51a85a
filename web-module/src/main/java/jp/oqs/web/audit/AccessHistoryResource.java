package jp.oqs.web.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jp.oqs.api.audit.AccessChallenge;
import jp.oqs.api.audit.AccessEntry;
import jp.oqs.api.audit.AccessHistory;
import jp.oqs.api.audit.AccessHistoryApi;
import jp.oqs.api.audit.AccessHistoryRequest;
import jp.oqs.audit.ActorKind;
import jp.oqs.eligibility.PersonAccess;
import jp.oqs.web.rest.BodyLimit;
import jp.oqs.web.rest.BusinessFailure;

/** No bearer token: the My Number card's signature over a challenge authenticates the person. */
@Path(AccessHistoryApi.PATH)
@RequestScoped
@PermitAll
public class AccessHistoryResource implements AccessHistoryApi {

    @EJB
    private PersonAccess access;

    @Override
    public AccessChallenge challenge() {
        return access.challenge();
    }

    @Override
    @BodyLimit(BodyLimit.Kind.CERTIFICATE)
    public AccessHistory history(AccessHistoryRequest request) {
        return new AccessHistory(BusinessFailure.call(() -> access.history(request)).stream()
                .map(e -> new AccessEntry(e.occurredAt(), e.actorKind() == ActorKind.CLINIC ? e.actor() : null,
                        e.kind().name(), e.result()))
                .toList());
    }
}
