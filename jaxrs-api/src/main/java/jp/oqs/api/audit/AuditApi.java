package jp.oqs.api.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.oqs.api.Formats;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.error.Errors;

/**
 * The audit trail: {@code auditor} sees every entry; {@code ssk-admin} and {@code kokuho-admin} see the entries
 * about qualifications of the insurers their organisation manages. Every search and every verification is itself
 * an entry ({@code AUDIT_READ}, the caller), written after the search reads, so a search never finds itself.
 */
@Path(AuditApi.PATH)
@Produces(MediaType.APPLICATION_JSON)
public interface AuditApi {

    String PATH = "admin/audit";
    /** A day, {@code YYYY-MM-DD}; that it is a real date is checked when it is read. */
    String DAY = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
    String DAY_MESSAGE = "must be a date YYYY-MM-DD";

    /**
     * Entries newest first, filtered by clinic (医療機関コード), person id and a date range (Asia/Tokyo days,
     * {@code YYYY-MM-DD}, both inclusive).
     */
    @GET
    @Errors({ErrorCodes.INVALID_REQUEST})
    AuditPage search(@QueryParam("actor") @Size(max = Formats.NAME) String actor,
                     @QueryParam("personId") Long personId,
                     @QueryParam("from") @Pattern(regexp = DAY, message = DAY_MESSAGE) String from,
                     @QueryParam("to") @Pattern(regexp = DAY, message = DAY_MESSAGE) String to,
                     @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Formats.MAX_PAGE) int page,
                     @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size);

    /** Recomputes every hash chain (role {@code auditor}). */
    @GET
    @Path("verification")
    @Errors({})
    AuditVerification verify();
}
