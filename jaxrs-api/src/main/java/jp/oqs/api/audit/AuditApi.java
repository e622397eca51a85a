package jp.oqs.api.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.validation.constraints.Pattern;

/**
 * The audit trail: {@code auditor} sees every entry; {@code ssk-admin} and {@code kokuho-admin} see the entries
 * about qualifications of the insurers their organisation manages.
 */
@Path(AuditApi.PATH)
@Produces(MediaType.APPLICATION_JSON)
public interface AuditApi {

    String PATH = "admin/audit";

    /**
     * Entries newest first, filtered by clinic (医療機関コード), person id and a date range (Asia/Tokyo days,
     * {@code YYYY-MM-DD}, both inclusive).
     */
    @GET
    AuditPage search(@QueryParam("actor") String actor,
                     @QueryParam("personId") Long personId,
                     @QueryParam("from") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String from,
                     @QueryParam("to") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String to,
                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                     @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size);

    /** Recomputes every hash chain (role {@code auditor}). */
    @GET
    @Path("verification")
    AuditVerification verify();
}
