package jp.oqs.api.health;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.error.Errors;

/**
 * A clinic (role {@code clinic}) reads the 特定健診 results of the patient whose card it confirmed in a card session
 * (in the last 24 hours), only while the patient's consent of category {@code CHECKUPS} to this clinic is in force:
 * 403 {@code CONSENT_NOT_FOUND} (never given), {@code CONSENT_EXPIRED} or {@code CONSENT_WITHDRAWN} otherwise. Every
 * reading and every refusal is audited and shown in the person's access history.
 */
@Path(ClinicCheckupsApi.PATH)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ClinicCheckupsApi {

    String PATH = "eligibility/checkups";

    @POST
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.FORBIDDEN_CLINIC, ErrorCodes.CARD_SESSION_NOT_FOUND, ErrorCodes.CARD_SESSION_EXPIRED, ErrorCodes.CONSENT_NOT_FOUND, ErrorCodes.CONSENT_EXPIRED, ErrorCodes.CONSENT_WITHDRAWN})
    CheckupHistory checkups(@NotNull @Valid ClinicHealthRequest request);
}
