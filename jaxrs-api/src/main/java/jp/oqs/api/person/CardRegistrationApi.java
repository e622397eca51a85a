package jp.oqs.api.person;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.oqs.api.audit.AccessHistoryRequest;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.error.Errors;

/**
 * 健康保険証利用登録 by the person, not the insurer: links the card's certificate to the person whose qualification
 * the numbers and birth date name, so the card answers at the reader. No bearer token: the card is the credential.
 */
@Path(CardRegistrationApi.PATH)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface CardRegistrationApi {

    String PATH = "persons/card-registration";

    /**
     * 404 {@code PERSON_NOT_FOUND} when no qualification open today matches the numbers and birth date (a wrong
     * birth date answers the same); 409 {@code CERTIFICATE_ALREADY_ENROLLED} when the card is linked to someone else.
     */
    @POST
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.INVALID_INSURER_NUMBER, ErrorCodes.BIRTH_DATE_REQUIRED, ErrorCodes.IDENTIFIER_REQUIRED, ErrorCodes.CERTIFICATE_INVALID, ErrorCodes.CERTIFICATE_EXPIRED, ErrorCodes.CERTIFICATE_REVOKED, ErrorCodes.CERTIFICATE_UNTRUSTED, ErrorCodes.CERTIFICATE_REVOCATION_UNKNOWN, ErrorCodes.CHALLENGE_INVALID, ErrorCodes.SIGNATURE_INVALID, ErrorCodes.PERSON_NOT_FOUND, ErrorCodes.CERTIFICATE_ALREADY_ENROLLED})
    CardRegistration register(@NotNull @Valid CardRegistrationRequest request);

    /** Withdraws the card's registration (the card proves itself); 404 {@code CARD_NOT_REGISTERED}. */
    @POST
    @Path("withdrawal")
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.CERTIFICATE_INVALID, ErrorCodes.CERTIFICATE_EXPIRED, ErrorCodes.CERTIFICATE_REVOKED, ErrorCodes.CERTIFICATE_UNTRUSTED, ErrorCodes.CERTIFICATE_REVOCATION_UNKNOWN, ErrorCodes.CHALLENGE_INVALID, ErrorCodes.SIGNATURE_INVALID, ErrorCodes.CARD_NOT_REGISTERED})
    CardRegistration withdraw(@NotNull @Valid AccessHistoryRequest proof);
}
