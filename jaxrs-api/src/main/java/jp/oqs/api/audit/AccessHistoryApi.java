package jp.oqs.api.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.error.Errors;

/**
 * A person's own access history, for a portal (マイナポータル-style). The person authenticates with the My Number
 * card: the portal fetches a challenge, the card signs it with the user certificate's key, the service checks the
 * certificate (chain, validity, revocation), the signature and the challenge, and answers with the checks made
 * about that person. No bearer token: the card is the credential.
 */
@Path(AccessHistoryApi.PATH)
@Produces(MediaType.APPLICATION_JSON)
public interface AccessHistoryApi {

    String PATH = "persons/access-history";

    @GET
    @Path("challenge")
    @Errors({})
    AccessChallenge challenge();

    /** 400/401 {@code CERTIFICATE_*} or {@code CHALLENGE_INVALID} / {@code SIGNATURE_INVALID}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.CERTIFICATE_INVALID, ErrorCodes.CERTIFICATE_EXPIRED, ErrorCodes.CERTIFICATE_REVOKED, ErrorCodes.CERTIFICATE_UNTRUSTED, ErrorCodes.CERTIFICATE_NOT_ENROLLED, ErrorCodes.CERTIFICATE_REVOCATION_UNKNOWN, ErrorCodes.CHALLENGE_INVALID, ErrorCodes.SIGNATURE_INVALID})
    AccessHistory history(@NotNull @Valid AccessHistoryRequest request);
}
