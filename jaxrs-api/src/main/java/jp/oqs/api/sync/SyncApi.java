package jp.oqs.api.sync;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.error.Errors;

/**
 * For intermediate-server sync jobs (role {@code insurer-sync}), only for the insurers in the token's
 * {@code insurerNumbers}: 403 {@code INSURER_OUT_OF_SCOPE} otherwise.
 */
@Path(SyncApi.PATH)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface SyncApi {

    String PATH = "sync";

    /**
     * Applies a batch exactly once. 200 with one result per record (bad records rejected one by one, good ones
     * applied); the same {@code batchId} again → the stored result; with other content → 409
     * {@code BATCH_ID_REUSED}; more records than configured → 413 {@code BATCH_TOO_LARGE}.
     */
    @POST
    @Path("batches")
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.INVALID_INSURER_NUMBER, ErrorCodes.INSURER_OUT_OF_SCOPE, ErrorCodes.BATCH_ID_REUSED, ErrorCodes.BATCH_TOO_LARGE})
    SyncBatchResult submit(@NotNull @Valid SyncBatchRequest batch);

    /** The stored result of a batch of the token's insurers; another insurer's batch answers as a missing one. */
    @GET
    @Path("batches/{batchId}")
    @Errors({ErrorCodes.BATCH_NOT_FOUND})
    SyncBatchResult batch(@PathParam("batchId") UUID batchId);

    /** Open overlap notices for the insurer, oldest first, after the cursor. */
    @GET
    @Path("notices")
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.INVALID_INSURER_NUMBER, ErrorCodes.INSURER_NOT_FOUND, ErrorCodes.INSURER_OUT_OF_SCOPE})
    NoticePage notices(@QueryParam("insurerNumber") @NotBlank String insurerNumber,
                       @QueryParam("after") @DefaultValue("0") @Min(0) long after,
                       @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit);

    /**
     * Acknowledges a notice: it leaves the open list. Acknowledging twice is harmless. Another insurer's notice
     * answers as a missing one.
     */
    @POST
    @Path("notices/{id}/acknowledgement")
    @Errors({ErrorCodes.NOTICE_NOT_FOUND})
    NoticeView acknowledge(@PathParam("id") long id);

    /**
     * Enrols a card certificate for a person with a qualification open today at the token's insurers: 201; the
     * certificate is validated as for lookups (chain, validity today, CRL); 409 {@code CERTIFICATE_ALREADY_ENROLLED}
     * while an unrevoked enrolment of it exists.
     */
    @POST
    @Path("certificates")
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.CERTIFICATE_INVALID, ErrorCodes.CERTIFICATE_EXPIRED, ErrorCodes.CERTIFICATE_REVOKED, ErrorCodes.CERTIFICATE_UNTRUSTED, ErrorCodes.CERTIFICATE_REVOCATION_UNKNOWN, ErrorCodes.PERSON_NOT_FOUND, ErrorCodes.CERTIFICATE_ALREADY_ENROLLED})
    jakarta.ws.rs.core.Response enrol(@NotNull @Valid CertificateEnrolment enrolment);

    /** Revokes an enrolment: the certificate no longer resolves to the person. */
    @POST
    @Path("certificates/revocation")
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.CERTIFICATE_INVALID, ErrorCodes.PERSON_NOT_FOUND, ErrorCodes.CERTIFICATE_NOT_ENROLLED})
    CertificateView revokeEnrolment(@NotNull @Valid CertificateEnrolment enrolment);

    /** What the central side changed for the insurer's qualifications, after the cursor. */
    @GET
    @Path("changes")
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.INVALID_INSURER_NUMBER, ErrorCodes.INSURER_NOT_FOUND, ErrorCodes.INSURER_OUT_OF_SCOPE})
    ChangePage changes(@QueryParam("insurerNumber") @NotBlank String insurerNumber,
                       @QueryParam("after") @DefaultValue("0") @Min(0) long after,
                       @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000) int limit);
}
