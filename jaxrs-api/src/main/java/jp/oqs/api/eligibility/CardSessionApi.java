package jp.oqs.api.eligibility;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.oqs.api.Formats;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.error.Errors;

/**
 * The My Number card at the reception desk (マイナ保険証), for role {@code clinic}: the clinic opens a session, the
 * card signs its nonce, and the confirmation answers the qualification with the patient's consents. The signature
 * proves the card is present: a certificate alone is public data that anyone who once saw it could replay.
 */
@Path(CardSessionApi.PATH)
@Produces(MediaType.APPLICATION_JSON)
public interface CardSessionApi {

    String PATH = "eligibility/card-sessions";

    /** A new session of the calling clinic, to be confirmed within two minutes. */
    @POST
    @Errors({ErrorCodes.FORBIDDEN_CLINIC})
    CardSession open();

    /**
     * Confirms the session once with the card's proof and the patient's choices. 404 {@code CARD_SESSION_NOT_FOUND}
     * (unknown, or another clinic's), 401 {@code CARD_SESSION_EXPIRED}, {@code CHALLENGE_INVALID} (confirmed
     * before) or {@code SIGNATURE_INVALID}; 400 {@code CERTIFICATE_*} (validity and revocation judged now);
     * 404 {@code CARD_NOT_REGISTERED} (no 健康保険証利用登録 for the card).
     */
    @POST
    @Path("{sessionId}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.CARD_SESSION_NOT_FOUND, ErrorCodes.CARD_SESSION_EXPIRED, ErrorCodes.CHALLENGE_INVALID, ErrorCodes.SIGNATURE_INVALID, ErrorCodes.AS_OF_IN_FUTURE, ErrorCodes.CERTIFICATE_INVALID, ErrorCodes.CERTIFICATE_EXPIRED, ErrorCodes.CERTIFICATE_REVOKED, ErrorCodes.CERTIFICATE_UNTRUSTED, ErrorCodes.CERTIFICATE_REVOCATION_UNKNOWN, ErrorCodes.CARD_NOT_REGISTERED, ErrorCodes.FORBIDDEN_CLINIC, ErrorCodes.RATE_LIMITED})
    CardSessionResult confirm(
            @PathParam("sessionId") @Size(max = Formats.SESSION_ID_LENGTH) @Pattern(regexp = Formats.SESSION_ID, message = Formats.SESSION_ID_MESSAGE) String sessionId,
            @NotNull @Valid CardConfirmation confirmation);
}
