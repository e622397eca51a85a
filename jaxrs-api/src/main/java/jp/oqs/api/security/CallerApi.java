package jp.oqs.api.security;

import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.error.Errors;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Who am I: any authenticated caller. A clinic token whose {@code medicalInstitutionCode} is malformed, or a sync
 * token whose {@code insurerNumbers} are, gets 403 {@code FORBIDDEN_CLINIC} / {@code INVALID_INSURER_NUMBER}.
 */
@Path(CallerApi.PATH)
@Produces(MediaType.APPLICATION_JSON)
public interface CallerApi {

    String PATH = "callers/me";

    @GET
    @Errors({ErrorCodes.FORBIDDEN_CLINIC, ErrorCodes.INVALID_INSURER_NUMBER})
    CallerView me();
}
