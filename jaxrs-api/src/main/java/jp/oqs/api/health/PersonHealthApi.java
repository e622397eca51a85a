package jp.oqs.api.health;

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
 * The person's own 特定健診 results and medications (マイナポータル-style), across past and present insurers. No
 * bearer token: as for the access history, the card's signature over a fresh challenge
 * ({@code GET persons/access-history/challenge}) is the credential, once per challenge. Every reading is audited
 * and shown in the person's access history.
 */
@Path(PersonHealthApi.PATH)
@Consumes(MediaType.APPLICATION_JSON)
public interface PersonHealthApi {

    String PATH = "persons";

    /** The check-ups of the last five years, newest first, each item with its reference range and a flag. */
    @POST
    @Path("checkups")
    @Produces(MediaType.APPLICATION_JSON)
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.CERTIFICATE_INVALID, ErrorCodes.CERTIFICATE_EXPIRED, ErrorCodes.CERTIFICATE_REVOKED, ErrorCodes.CERTIFICATE_UNTRUSTED, ErrorCodes.CERTIFICATE_REVOCATION_UNKNOWN, ErrorCodes.CHALLENGE_INVALID, ErrorCodes.SIGNATURE_INVALID, ErrorCodes.CARD_NOT_REGISTERED})
    CheckupHistory checkups(@NotNull @Valid AccessHistoryRequest request);

    /**
     * The same check-ups as a printable page (HTML with print styles, {@code text/html}): the trend of the main
     * items over the years as charts (inline SVG), then every check-up as a table. Errors are the JSON error body.
     */
    @POST
    @Path("checkups/print")
    @Produces(MediaType.TEXT_HTML)
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.CERTIFICATE_INVALID, ErrorCodes.CERTIFICATE_EXPIRED, ErrorCodes.CERTIFICATE_REVOKED, ErrorCodes.CERTIFICATE_UNTRUSTED, ErrorCodes.CERTIFICATE_REVOCATION_UNKNOWN, ErrorCodes.CHALLENGE_INVALID, ErrorCodes.SIGNATURE_INVALID, ErrorCodes.CARD_NOT_REGISTERED})
    String printableCheckups(@NotNull @Valid AccessHistoryRequest request);

    /** The medications dispensed in the last three years, newest first. */
    @POST
    @Path("medications")
    @Produces(MediaType.APPLICATION_JSON)
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.CERTIFICATE_INVALID, ErrorCodes.CERTIFICATE_EXPIRED, ErrorCodes.CERTIFICATE_REVOKED, ErrorCodes.CERTIFICATE_UNTRUSTED, ErrorCodes.CERTIFICATE_REVOCATION_UNKNOWN, ErrorCodes.CHALLENGE_INVALID, ErrorCodes.SIGNATURE_INVALID, ErrorCodes.CARD_NOT_REGISTERED})
    MedicationHistory medications(@NotNull @Valid AccessHistoryRequest request);
}
