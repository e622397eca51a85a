package jp.oqs.web.healthdata;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jp.oqs.api.health.MedicationBatchRequest;
import jp.oqs.api.health.MedicationSyncApi;
import jp.oqs.api.security.Roles;
import jp.oqs.api.sync.SyncBatchResult;
import jp.oqs.web.rest.BodyLimit;

@Path(MedicationSyncApi.PATH)
@RequestScoped
@RolesAllowed(Roles.INSURER_SYNC)
public class MedicationSyncResource implements MedicationSyncApi {

    @Inject
    private HealthBatches batches;

    @Override
    @BodyLimit(BodyLimit.Kind.HEALTH_SYNC)
    public SyncBatchResult submit(MedicationBatchRequest batch) {
        return batches.submit(batch.records(), (sync, caller) -> sync.medications(caller, batch));
    }
}
