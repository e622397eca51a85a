package jp.oqs.api.health;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.error.Errors;
import jp.oqs.api.sync.SyncBatchResult;

/** Dispensed medications (薬剤情報) from the claims side, as {@link CheckupSyncApi} does for check-ups. */
@Path(MedicationSyncApi.PATH)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface MedicationSyncApi {

    String PATH = "sync/medications";

    @POST
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.INVALID_INSURER_NUMBER, ErrorCodes.INSURER_OUT_OF_SCOPE, ErrorCodes.BATCH_ID_REUSED, ErrorCodes.BATCH_TOO_LARGE})
    SyncBatchResult submit(@NotNull @Valid MedicationBatchRequest batch);
}
