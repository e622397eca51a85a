package jp.oqs.api.audit;

import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.error.Errors;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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
    @Errors({ErrorCodes.INVALID_REQUEST})
    AuditPage search(@QueryParam("actor") String actor,
                     @QueryParam("personId") Long personId,
                     @QueryParam("from") String from,
                     @QueryParam("to") String to,
                     @QueryParam("page") @DefaultValue("0") int page,
                     @QueryParam("size") @DefaultValue("100") int size);

    /** Recomputes every hash chain (role {@code auditor}). */
    @GET
    @Path("verification")
    @Errors({})
    AuditVerification verify();
}
