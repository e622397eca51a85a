package jp.oqs.api.claims;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.oqs.api.Formats;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.error.Errors;

/**
 * レセプト振替・分割 for roles {@code ssk-admin} and {@code kokuho-admin}: claims routed by the central qualification
 * history, each organisation for claims addressed to its own insurers. Jobs and their results belong to the
 * organisation that submitted them; every resolution is audited with the person whose history was read.
 */
@Path(ClaimsApi.PATH)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ClaimsApi {

    String PATH = "claims/qualification-resolutions";

    /** The 資格確認結果連絡書 media type: CSV, UTF-8, a header line. */
    String CSV = "text/csv; charset=UTF-8";

    /**
     * 202 with a {@link ClaimJobReception}; the claims are routed in the background. 413 {@code CLAIMS_TOO_LARGE}
     * above the configured number of claims; 400 {@code CLAIM_INVALID} (a service date outside its month, the hint
     * names the claim's index) or {@code INVALID_INSURER_NUMBER}; 403 {@code INSURER_OUT_OF_SCOPE} when a claim is
     * addressed to an insurer the caller's organisation does not manage (or one not registered).
     */
    @POST
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.CLAIMS_TOO_LARGE, ErrorCodes.CLAIM_INVALID, ErrorCodes.INVALID_INSURER_NUMBER, ErrorCodes.INSURER_OUT_OF_SCOPE})
    Response submitClaims(@NotNull @Valid ClaimResolutionRequest request);

    /** Progress, and once DONE one page of resolutions; 404 {@code CLAIM_JOB_NOT_FOUND} for another organisation's job or after the retention. */
    @GET
    @Path("{jobId}")
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.CLAIM_JOB_NOT_FOUND})
    ClaimJobResult job(@PathParam("jobId") @Size(max = Formats.CLAIM_JOB_ID_LENGTH) @Pattern(regexp = Formats.CLAIM_JOB_ID, message = Formats.CLAIM_JOB_ID_MESSAGE) String jobId,
                       @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Formats.MAX_PAGE) int page,
                       @QueryParam("size") @DefaultValue("1000") @Min(1) @Max(10_000) int size);

    /**
     * 資格確認結果連絡書: for one clinic and service month of a DONE job, a CSV listing each claim re-routed, split or
     * corrected, with what it should carry and why (one line per segment). 404 {@code CLAIM_JOB_NOT_FOUND} as for
     * {@link #job}; 409 {@code CLAIM_JOB_NOT_DONE} while the job is still routing (a partial letter is never
     * served).
     */
    @GET
    @Path("{jobId}/clinic-notices")
    @Produces(CSV)
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.CLAIM_JOB_NOT_FOUND, ErrorCodes.CLAIM_JOB_NOT_DONE})
    String clinicNotice(@PathParam("jobId") @Size(max = Formats.CLAIM_JOB_ID_LENGTH) @Pattern(regexp = Formats.CLAIM_JOB_ID, message = Formats.CLAIM_JOB_ID_MESSAGE) String jobId,
                        @QueryParam("medicalInstitutionCode") @NotNull @Size(min = Formats.MEDICAL_INSTITUTION_CODE, max = Formats.MEDICAL_INSTITUTION_CODE) @Pattern(regexp = Formats.DIGITS, message = Formats.DIGITS_MESSAGE) String medicalInstitutionCode,
                        @QueryParam("serviceMonth") @NotNull @Pattern(regexp = Formats.YEAR_MONTH, message = Formats.YEAR_MONTH_MESSAGE) String serviceMonth);
}
