package jp.oqs.web.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import jp.oqs.api.ApiVersion;
import jp.oqs.api.security.Roles;
import jp.oqs.web.insurer.InsurerAdminResource;
import jp.oqs.web.security.CallerResource;
import jp.oqs.web.security.RoleCheckFeature;
import jp.oqs.web.sync.SyncResource;

/**
 * The REST API under {@code /oqs/api/v1}. Callers present MicroProfile JWT bearer tokens, verified by
 * {@link jp.oqs.web.security.OqsAuthentication}. Resource classes are
 * listed here, because the contract's interfaces carry {@code @Path} too and must not be scanned as resources.
 */
@ApplicationPath(ApiVersion.V1)
@DeclareRoles({Roles.CLINIC, Roles.INSURER_SYNC, Roles.SSK_ADMIN, Roles.KOKUHO_ADMIN, Roles.AUDITOR,
        Roles.SECURITY_ADMIN})
public class OqsApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                InsurerAdminResource.class,
                CallerResource.class,
                SyncResource.class,
                jp.oqs.web.eligibility.EligibilityResource.class,
                jp.oqs.web.audit.AuditResource.class,
                jp.oqs.web.audit.AccessHistoryResource.class,
                jp.oqs.web.eligibility.CardSessionResource.class,
                jp.oqs.web.person.CardRegistrationResource.class,
                jp.oqs.web.person.ConsentResource.class,
                jp.oqs.web.healthdata.CheckupSyncResource.class,
                jp.oqs.web.healthdata.MedicationSyncResource.class,
                jp.oqs.web.healthdata.PersonHealthResource.class,
                jp.oqs.web.healthdata.ClinicCheckupsResource.class,
                jp.oqs.web.healthdata.ClinicMedicationsResource.class,
                jp.oqs.web.claims.ClaimsResource.class,
                RoleCheckFeature.class,
                jp.oqs.web.security.RefusalAuditFeature.class,
                BodyLimitFeature.class,
                RequestMetrics.Refusals.class,
                RequestMetrics.Lookups.class,
                JsonBodyReader.class,
                BusinessFailureMapper.class,
                ConstraintViolationMapper.class,
                WebApplicationExceptionMapper.class,
                MalformedJsonMapper.class,
                UnexpectedFailureMapper.class);
    }
}
