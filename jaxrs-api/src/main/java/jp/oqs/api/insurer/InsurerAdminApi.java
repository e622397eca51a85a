package jp.oqs.api.insurer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import jp.oqs.api.Formats;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.error.Errors;

/**
 * Insurer registry for 支払基金 staff (role {@code ssk-admin}: employee insurance) and 国保中央会 staff (role
 * {@code kokuho-admin}: 国保 and 後期高齢者); {@code auditor} may read. A staff member acting on another
 * organisation's insurer gets 403 {@code INSURER_OUT_OF_SCOPE}.
 */
@Path(InsurerAdminApi.PATH)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface InsurerAdminApi {

    String PATH = "admin/insurers";

    /** Onboards an insurer: 201 with the insurer and its Location; 409 if the number is registered. */
    @POST
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.INVALID_INSURER_NUMBER, ErrorCodes.INVALID_NUMBERING_RULE, ErrorCodes.INSURER_OUT_OF_SCOPE, ErrorCodes.INSURER_ALREADY_REGISTERED})
    Response onboard(@NotNull @Valid OnboardInsurerRequest request);

    /** Searches insurers in the caller's scope; {@code q} matches number prefix or part of a name. */
    @GET
    @Errors({ErrorCodes.INVALID_REQUEST})
    InsurerPage search(@QueryParam("managingOrganisation") ManagingOrganisation managingOrganisation,
                       @QueryParam("category") InsurerCategory category,
                       @QueryParam("status") InsurerStatus status,
                       @QueryParam("q") @Size(max = Formats.QUERY) String q,
                       @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Formats.MAX_PAGE) int page,
                       @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size);

    @GET
    @Path("{insurerNumber}")
    @Errors({ErrorCodes.INVALID_INSURER_NUMBER, ErrorCodes.INSURER_NOT_FOUND, ErrorCodes.INSURER_OUT_OF_SCOPE})
    InsurerView get(@PathParam("insurerNumber") String insurerNumber);

    /** ONBOARDING or SUSPENDED → ACTIVE; needs a numbering rule. */
    @POST
    @Path("{insurerNumber}/activation")
    @Errors({ErrorCodes.INVALID_INSURER_NUMBER, ErrorCodes.INSURER_NOT_FOUND, ErrorCodes.INSURER_OUT_OF_SCOPE, ErrorCodes.INSURER_LIFECYCLE_VIOLATION, ErrorCodes.NUMBERING_RULE_REQUIRED})
    InsurerView activate(@PathParam("insurerNumber") String insurerNumber);

    /** ACTIVE → SUSPENDED. */
    @POST
    @Path("{insurerNumber}/suspension")
    @Errors({ErrorCodes.INVALID_INSURER_NUMBER, ErrorCodes.INSURER_NOT_FOUND, ErrorCodes.INSURER_OUT_OF_SCOPE, ErrorCodes.INSURER_LIFECYCLE_VIOLATION})
    InsurerView suspend(@PathParam("insurerNumber") String insurerNumber);

    @POST
    @Path("{insurerNumber}/merger")
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.INVALID_INSURER_NUMBER, ErrorCodes.INSURER_NOT_FOUND, ErrorCodes.INSURER_OUT_OF_SCOPE, ErrorCodes.INSURER_LIFECYCLE_VIOLATION})
    InsurerView merge(@PathParam("insurerNumber") String insurerNumber, @NotNull @Valid MergerRequest request);

    @POST
    @Path("{insurerNumber}/dissolution")
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.INVALID_INSURER_NUMBER, ErrorCodes.INSURER_NOT_FOUND, ErrorCodes.INSURER_OUT_OF_SCOPE, ErrorCodes.INSURER_LIFECYCLE_VIOLATION})
    InsurerView dissolve(@PathParam("insurerNumber") String insurerNumber,
                         @NotNull @Valid DissolutionRequest request);

    /** Adds a numbering rule from a future date (the first rule may have any date): 201 with the rule. */
    @POST
    @Path("{insurerNumber}/numbering-rules")
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.INVALID_INSURER_NUMBER, ErrorCodes.INSURER_NOT_FOUND, ErrorCodes.INSURER_OUT_OF_SCOPE, ErrorCodes.INVALID_NUMBERING_RULE, ErrorCodes.NUMBERING_RULE_DATE_NOT_IN_FUTURE, ErrorCodes.NUMBERING_RULE_DATE_NOT_AFTER_LATEST, ErrorCodes.INSURER_LIFECYCLE_VIOLATION})
    Response addNumberingRule(@PathParam("insurerNumber") String insurerNumber,
                              @NotNull @Valid NumberingRuleRequest request);

    /** The whole rule history, oldest first. */
    @GET
    @Path("{insurerNumber}/numbering-rules")
    @Errors({ErrorCodes.INVALID_INSURER_NUMBER, ErrorCodes.INSURER_NOT_FOUND, ErrorCodes.INSURER_OUT_OF_SCOPE})
    List<NumberingRuleView> numberingRules(@PathParam("insurerNumber") String insurerNumber);
}
