package jp.oqs.web.healthdata;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jp.oqs.api.health.CheckupBatchRequest;
import jp.oqs.api.health.CheckupSyncApi;
import jp.oqs.api.security.Roles;
import jp.oqs.api.sync.SyncBatchResult;
import jp.oqs.web.rest.BodyLimit;

@Path(CheckupSyncApi.PATH)
@RequestScoped
@RolesAllowed(Roles.INSURER_SYNC)
public class CheckupSyncResource implements CheckupSyncApi {

    @Inject
    private HealthBatches batches;

    @Override
    @BodyLimit(BodyLimit.Kind.HEALTH_SYNC)
    public SyncBatchResult submit(CheckupBatchRequest batch) {
        return batches.submit(batch.records(), (sync, caller) -> sync.checkups(caller, batch));
    }
}
