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

/**
 * 特定健診 results from insurers' sync jobs (role {@code insurer-sync}, the token's {@code insurerNumbers} only), for
 * persons the insurer insures or insured. Exactly once per {@code batchId}, with one result per record, as
 * {@code POST sync/batches}; the stored result is also read with {@code GET sync/batches/{batchId}}.
 */
@Path(CheckupSyncApi.PATH)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface CheckupSyncApi {

    String PATH = "sync/checkups";

    @POST
    @Errors({ErrorCodes.INVALID_REQUEST, ErrorCodes.INVALID_INSURER_NUMBER, ErrorCodes.INSURER_OUT_OF_SCOPE, ErrorCodes.BATCH_ID_REUSED, ErrorCodes.BATCH_TOO_LARGE})
    SyncBatchResult submit(@NotNull @Valid CheckupBatchRequest batch);
}
