package jp.oqs.web.healthdata;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import jp.oqs.api.audit.AccessHistoryRequest;
import jp.oqs.api.health.CheckupHistory;
import jp.oqs.api.health.MedicationHistory;
import jp.oqs.api.health.PersonHealthApi;
import jp.oqs.health.HealthRecords;
import jp.oqs.web.rest.BodyLimit;
import jp.oqs.web.rest.BusinessFailure;

/** No bearer token: the My Number card's signature over a challenge authenticates the person. */
@Path(PersonHealthApi.PATH)
@RequestScoped
@PermitAll
public class PersonHealthResource implements PersonHealthApi {

    @EJB
    private HealthRecords records;

    @Override
    @BodyLimit(BodyLimit.Kind.CERTIFICATE)
    public CheckupHistory checkups(AccessHistoryRequest request) {
        return BusinessFailure.call(() -> records.personCheckups(request, "SHOWN"));
    }

    @Override
    @BodyLimit(BodyLimit.Kind.CERTIFICATE)
    public String printableCheckups(AccessHistoryRequest request) {
        return CheckupPrintPage.render(BusinessFailure.call(() -> records.personCheckups(request, "PRINTED")));
    }

    @Override
    @BodyLimit(BodyLimit.Kind.CERTIFICATE)
    public MedicationHistory medications(AccessHistoryRequest request) {
        return BusinessFailure.call(() -> records.personMedications(request));
    }
}
