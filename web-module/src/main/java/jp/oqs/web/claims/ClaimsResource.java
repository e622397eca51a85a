package jp.oqs.web.claims;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import jp.oqs.api.claims.ClaimJobReception;
import jp.oqs.api.claims.ClaimJobResult;
import jp.oqs.api.claims.ClaimResolution;
import jp.oqs.api.claims.ClaimResolutionRequest;
import jp.oqs.api.claims.ClaimsApi;
import jp.oqs.api.eligibility.BulkStatus;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.security.Roles;
import jp.oqs.claims.ClaimItem;
import jp.oqs.claims.ClaimJob;
import jp.oqs.claims.ClaimResolutions;
import jp.oqs.claims.ClaimsRunner;
import jp.oqs.insurer.AdminScope;
import jp.oqs.web.rest.Bodies;
import jp.oqs.web.rest.BodyLimit;
import jp.oqs.web.rest.BusinessFailure;
import jp.oqs.web.security.AdminScopes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Path(ClaimsApi.PATH)
@RequestScoped
@RolesAllowed({Roles.SSK_ADMIN, Roles.KOKUHO_ADMIN})
public class ClaimsResource implements ClaimsApi {

    @EJB
    private ClaimResolutions resolutions;

    @EJB
    private ClaimsRunner runner;

    @Context
    private SecurityContext security;

    @Inject
    @ConfigProperty(name = "oqs.claims.max-claims", defaultValue = "100000")
    private int maxClaims;

    @Override
    @BodyLimit(BodyLimit.Kind.CLAIMS)
    public Response submitClaims(ClaimResolutionRequest request) {
        Bodies.atMost("claims", request.claims(), maxClaims, ErrorCodes.CLAIMS_TOO_LARGE);
        ClaimJob job = BusinessFailure.call(() -> resolutions.submit(scope(), request.claims()));
        runner.start(job.jobId());
        return Response.accepted(new ClaimJobReception(job.jobId(), job.status(), job.total(), job.submittedAt(),
                job.expiresAt())).build();
    }

    @Override
    public ClaimJobResult job(String jobId, int page, int size) {
        ClaimJob job = BusinessFailure.call(() -> resolutions.find(scope(), jobId));
        List<ClaimResolution> results = job.status() == BulkStatus.DONE
                ? resolutions.results(job, page, size).stream().map(ClaimsResource::resolution).toList()
                : List.of();
        return new ClaimJobResult(job.jobId(), job.status(), job.submittedAt(), job.completedAt(), job.expiresAt(),
                job.counts(), results, page, size);
    }

    @Override
    public String clinicNotice(String jobId, String medicalInstitutionCode, String serviceMonth) {
        return ClinicNoticeCsv.of(BusinessFailure.call(() -> resolutions.clinicNotice(scope(), jobId,
                medicalInstitutionCode, serviceMonth)));
    }

    static ClaimResolution resolution(ClaimItem item) {
        return new ClaimResolution(item.index(), item.claimId(), item.clinicCode(), item.serviceMonth(),
                item.disposition(), item.reason(), item.segments());
    }

    private AdminScope scope() {
        return AdminScopes.of(security);
    }
}
