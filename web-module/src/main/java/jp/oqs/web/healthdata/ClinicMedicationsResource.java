package jp.oqs.web.healthdata;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jp.oqs.api.health.ClinicHealthRequest;
import jp.oqs.api.health.ClinicMedicationsApi;
import jp.oqs.api.health.MedicationHistory;
import jp.oqs.api.security.Roles;
import jp.oqs.health.HealthRecords;
import jp.oqs.web.rest.BodyLimit;
import jp.oqs.web.rest.BusinessFailure;
import jp.oqs.web.security.CallerClaims;

@Path(ClinicMedicationsApi.PATH)
@RequestScoped
@RolesAllowed(Roles.CLINIC)
public class ClinicMedicationsResource implements ClinicMedicationsApi {

    @EJB
    private HealthRecords records;

    @Inject
    private CallerClaims claims;

    @Override
    @BodyLimit(BodyLimit.Kind.SESSION)
    public MedicationHistory medications(ClinicHealthRequest request) {
        return BusinessFailure.call(() -> records.clinicMedications(claims.medicalInstitutionCode(),
                request.sessionId()));
    }
}
