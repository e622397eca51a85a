package jp.oqs.api.person;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.oqs.api.eligibility.ConsentView;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.error.Errors;

/** A person's consents given at clinics' readers; withdrawn with the card, effective at once. */
@Path(ConsentApi.PATH)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ConsentApi {

    String PATH = "persons/consents";

    /** 404 {@code CONSENT_NOT_FOUND} when no consent of that clinic and category is in force. */
    @POST
    @Path("withdrawal")
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.CERTIFICATE_INVALID, ErrorCodes.CERTIFICATE_EXPIRED, ErrorCodes.CERTIFICATE_REVOKED, ErrorCodes.CERTIFICATE_UNTRUSTED, ErrorCodes.CERTIFICATE_REVOCATION_UNKNOWN, ErrorCodes.CHALLENGE_INVALID, ErrorCodes.SIGNATURE_INVALID, ErrorCodes.CARD_NOT_REGISTERED, ErrorCodes.CONSENT_NOT_FOUND})
    ConsentView withdraw(@NotNull @Valid ConsentWithdrawal withdrawal);
}
