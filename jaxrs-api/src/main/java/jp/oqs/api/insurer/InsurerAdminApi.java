package jp.oqs.api.insurer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import jakarta.ws.rs.core.Response;
import java.util.List;

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
    Response onboard(@NotNull @Valid OnboardInsurerRequest request);

    /** Searches insurers in the caller's scope; {@code q} matches number prefix or part of a name. */
    @GET
    InsurerPage search(@QueryParam("managingOrganisation") ManagingOrganisation managingOrganisation,
                       @QueryParam("category") InsurerCategory category,
                       @QueryParam("status") InsurerStatus status,
                       @QueryParam("q") String q,
                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                       @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size);

    @GET
    @Path("{insurerNumber}")
    InsurerView get(@PathParam("insurerNumber") String insurerNumber);

    /** ONBOARDING or SUSPENDED → ACTIVE; needs a numbering rule. */
    @POST
    @Path("{insurerNumber}/activation")
    InsurerView activate(@PathParam("insurerNumber") String insurerNumber);

    /** ACTIVE → SUSPENDED. */
    @POST
    @Path("{insurerNumber}/suspension")
    InsurerView suspend(@PathParam("insurerNumber") String insurerNumber);

    @POST
    @Path("{insurerNumber}/merger")
    InsurerView merge(@PathParam("insurerNumber") String insurerNumber, @NotNull @Valid MergerRequest request);

    @POST
    @Path("{insurerNumber}/dissolution")
    InsurerView dissolve(@PathParam("insurerNumber") String insurerNumber,
                         @NotNull @Valid DissolutionRequest request);

    /** Adds a numbering rule from a future date (the first rule may have any date): 201 with the rule. */
    @POST
    @Path("{insurerNumber}/numbering-rules")
    Response addNumberingRule(@PathParam("insurerNumber") String insurerNumber,
                              @NotNull @Valid NumberingRuleRequest request);

    /** The whole rule history, oldest first. */
    @GET
    @Path("{insurerNumber}/numbering-rules")
    List<NumberingRuleView> numberingRules(@PathParam("insurerNumber") String insurerNumber);
}
