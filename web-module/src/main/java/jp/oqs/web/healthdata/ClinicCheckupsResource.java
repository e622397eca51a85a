package jp.oqs.web.healthdata;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jp.oqs.api.health.CheckupHistory;
import jp.oqs.api.health.ClinicCheckupsApi;
import jp.oqs.api.health.ClinicHealthRequest;
import jp.oqs.api.security.Roles;
import jp.oqs.health.HealthRecords;
import jp.oqs.web.rest.BodyLimit;
import jp.oqs.web.rest.BusinessFailure;
import jp.oqs.web.security.CallerClaims;

@Path(ClinicCheckupsApi.PATH)
@RequestScoped
@RolesAllowed(Roles.CLINIC)
public class ClinicCheckupsResource implements ClinicCheckupsApi {

    @EJB
    private HealthRecords records;

    @Inject
    private CallerClaims claims;

    @Override
    @BodyLimit(BodyLimit.Kind.SESSION)
    public CheckupHistory checkups(ClinicHealthRequest request) {
        return BusinessFailure.call(() -> records.clinicCheckups(claims.medicalInstitutionCode(),
                request.sessionId()));
    }
}
