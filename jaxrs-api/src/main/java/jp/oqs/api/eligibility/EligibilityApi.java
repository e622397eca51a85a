package jp.oqs.api.eligibility;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.oqs.api.Formats;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.error.Errors;

/** Eligibility checks for role {@code clinic}; every check is audited with the clinic's code. */
@Path(EligibilityApi.PATH)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface EligibilityApi {

    String PATH = "eligibility";

    /**
     * Checks one qualification as of the visit date. 400 {@code INVALID_INSURER_NUMBER},
     * {@code BIRTH_DATE_REQUIRED}, {@code IDENTIFIER_REQUIRED}, {@code AS_OF_IN_FUTURE}; 503
     * {@code SERVICE_UNAVAILABLE} with {@code Retry-After} when the check waited too long for its turn on a busy node.
     */
    @POST
    @Path("lookups")
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.INVALID_INSURER_NUMBER, ErrorCodes.BIRTH_DATE_REQUIRED, ErrorCodes.IDENTIFIER_REQUIRED, ErrorCodes.AS_OF_IN_FUTURE, ErrorCodes.FORBIDDEN_CLINIC, ErrorCodes.RATE_LIMITED})
    LookupResult lookup(@NotNull @Valid LookupRequest request);

    /**
     * Checks by My Number card certificate. 400 {@code CERTIFICATE_INVALID}, {@code CERTIFICATE_EXPIRED},
     * {@code CERTIFICATE_REVOKED}, {@code CERTIFICATE_UNTRUSTED}; 404 {@code CERTIFICATE_NOT_ENROLLED};
     * 503 {@code CERTIFICATE_REVOCATION_UNKNOWN} when no current CRL is available, {@code SERVICE_UNAVAILABLE} with
     * {@code Retry-After} when the check waited too long for its turn on a busy node.
     *
     * @deprecated a bare certificate is public data that anyone who once saw it can replay: use
     * {@link CardSessionApi}, where the card signs a nonce. With {@code oqs.certificates.require-session=true} this
     * answers only certificates the clinic confirmed a card session with in the last 24 hours (else 401
     * {@code CARD_SESSION_REQUIRED}).
     */
    @Deprecated
    @POST
    @Path("certificate-lookups")
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.CARD_SESSION_REQUIRED, ErrorCodes.AS_OF_IN_FUTURE, ErrorCodes.CERTIFICATE_INVALID, ErrorCodes.CERTIFICATE_EXPIRED, ErrorCodes.CERTIFICATE_REVOKED, ErrorCodes.CERTIFICATE_UNTRUSTED, ErrorCodes.CERTIFICATE_NOT_ENROLLED, ErrorCodes.CERTIFICATE_REVOCATION_UNKNOWN, ErrorCodes.FORBIDDEN_CLINIC, ErrorCodes.RATE_LIMITED})
    CertificateLookupResult certificateLookup(@NotNull @Valid CertificateLookupRequest request);

    /** 202 with a {@link BulkReception}; 413 {@code BULK_TOO_LARGE} above the configured entry limit. */
    @POST
    @Path("bulk-lookups")
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.BULK_TOO_LARGE, ErrorCodes.FORBIDDEN_CLINIC, ErrorCodes.RATE_LIMITED})
    Response submitBulk(@NotNull @Valid BulkLookupRequest request);

    /** Only the submitting clinic; 404 {@code RECEPTION_NOT_FOUND} otherwise or after the retention. */
    @GET
    @Path("bulk-lookups/{receptionNumber}")
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.RECEPTION_NOT_FOUND, ErrorCodes.FORBIDDEN_CLINIC})
    BulkResult bulk(@PathParam("receptionNumber") @Size(max = Formats.RECEPTION_NUMBER) String receptionNumber,
                    @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Formats.MAX_PAGE) int page,
                    @QueryParam("size") @DefaultValue("1000") @Min(1) @Max(10_000) int size);

    /**
     * Registers the clinic's 照会番号 for cards (or removes them): returned to this clinic only, in later answers'
     * {@code referenceNumber}. All entries or none; 409 {@code REFERENCE_NUMBERS_FULL} when the clinic would hold
     * more than the configured number of registrations.
     */
    @PUT
    @Path("reference-numbers")
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.INVALID_INSURER_NUMBER, ErrorCodes.REFERENCE_NUMBERS_FULL, ErrorCodes.REFERENCE_NUMBERS_CONFLICT, ErrorCodes.FORBIDDEN_CLINIC})
    ReferenceNumbersResult putReferenceNumbers(@NotNull @Valid ReferenceNumbersRequest request);
}
