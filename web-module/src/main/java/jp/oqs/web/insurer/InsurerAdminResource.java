package jp.oqs.web.insurer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import jp.oqs.api.insurer.DissolutionRequest;
import jp.oqs.api.insurer.InsurerAdminApi;
import jp.oqs.api.insurer.InsurerCategory;
import jp.oqs.api.insurer.InsurerPage;
import jp.oqs.api.insurer.InsurerStatus;
import jp.oqs.api.insurer.InsurerView;
import jp.oqs.api.insurer.ManagingOrganisation;
import jp.oqs.api.insurer.MergerRequest;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.insurer.NumberingRuleView;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.api.security.Roles;
import jp.oqs.insurer.AdminScope;
import jp.oqs.insurer.Insurer;
import jp.oqs.insurer.InsurerSearch;
import jp.oqs.insurer.InsurerService;
import jp.oqs.insurer.NumberingRule;
import jp.oqs.web.rest.BodyLimit;
import jp.oqs.web.rest.BusinessFailure;

@Path(InsurerAdminApi.PATH)
@RequestScoped
@RolesAllowed({Roles.SSK_ADMIN, Roles.KOKUHO_ADMIN, Roles.AUDITOR})
public class InsurerAdminResource implements InsurerAdminApi {

    @Inject
    private InsurerService insurers;

    @Inject
    private Clock clock;

    @Context
    private SecurityContext security;

    @Context
    private UriInfo uriInfo;

    @Override
    @BodyLimit(BodyLimit.Kind.ADMIN)
    public Response onboard(OnboardInsurerRequest request) {
        Insurer insurer = BusinessFailure.call(() -> insurers.onboard(scope(), request));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(insurer.insurerNumber()).build())
                .entity(view(insurer)).build();
    }

    @Override
    public InsurerPage search(ManagingOrganisation managingOrganisation, InsurerCategory category,
                              InsurerStatus status, String q, int page, int size) {
        var result = insurers.search(scope(), new InsurerSearch(managingOrganisation, category, status, q, page, size));
        return new InsurerPage(result.items().stream().map(this::view).toList(), result.total(), page, size);
    }

    @Override
    public InsurerView get(String insurerNumber) {
        return view(BusinessFailure.call(() -> insurers.find(scope(), insurerNumber)));
    }

    @Override
    public InsurerView activate(String insurerNumber) {
        return view(BusinessFailure.call(() -> insurers.activate(scope(), insurerNumber)));
    }

    @Override
    public InsurerView suspend(String insurerNumber) {
        return view(BusinessFailure.call(() -> insurers.suspend(scope(), insurerNumber)));
    }

    @Override
    @BodyLimit(BodyLimit.Kind.ADMIN)
    public InsurerView merge(String insurerNumber, MergerRequest request) {
        return view(BusinessFailure.call(() -> insurers.merge(scope(), insurerNumber,
                request.successorInsurerNumber(), request.effectiveDate())));
    }

    @Override
    @BodyLimit(BodyLimit.Kind.ADMIN)
    public InsurerView dissolve(String insurerNumber, DissolutionRequest request) {
        return view(BusinessFailure.call(() -> insurers.dissolve(scope(), insurerNumber, request.effectiveDate())));
    }

    @Override
    @BodyLimit(BodyLimit.Kind.ADMIN)
    public Response addNumberingRule(String insurerNumber, NumberingRuleRequest request) {
        NumberingRule rule = BusinessFailure.call(() -> insurers.addNumberingRule(scope(), insurerNumber, request));
        boolean inForce = !rule.effectiveFrom().isAfter(today());
        return Response.status(Response.Status.CREATED)
                .entity(InsurerViews.rule(rule, null, inForce)).build();
    }

    @Override
    public List<NumberingRuleView> numberingRules(String insurerNumber) {
        return InsurerViews.rules(BusinessFailure.call(() -> insurers.find(scope(), insurerNumber)), today());
    }

    private AdminScope scope() {
        return jp.oqs.web.security.AdminScopes.of(security);
    }

    private InsurerView view(Insurer insurer) {
        return InsurerViews.of(insurer, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
