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

/** As {@link ClinicCheckupsApi}, for the medications dispensed, under a consent of category {@code MEDICATIONS}. */
@Path(ClinicMedicationsApi.PATH)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ClinicMedicationsApi {

    String PATH = "eligibility/medications";

    @POST
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.FORBIDDEN_CLINIC, ErrorCodes.CARD_SESSION_NOT_FOUND, ErrorCodes.CARD_SESSION_EXPIRED, ErrorCodes.CONSENT_NOT_FOUND, ErrorCodes.CONSENT_EXPIRED, ErrorCodes.CONSENT_WITHDRAWN})
    MedicationHistory medications(@NotNull @Valid ClinicHealthRequest request);
}
