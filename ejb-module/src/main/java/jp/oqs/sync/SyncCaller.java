package jp.oqs.sync;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.identifier.InsurerNumber;
import jp.oqs.platform.BusinessException;

/**
 * A sync job and the insurers it may act for (the token's {@code insurerNumbers}).
 *
 * @param name the job's name, recorded on what it does
 */
public record SyncCaller(@NotBlank String name, @NotNull Set<InsurerNumber> insurers) {

    public SyncCaller {
        insurers = Set.copyOf(insurers);
    }

    /** Whether the token's insurerNumbers include the insurer. */
    public boolean mayActFor(InsurerNumber insurer) {
        return insurers.contains(insurer);
    }

    void checkMayActFor(InsurerNumber insurer) throws SyncException {
        if (!insurers.contains(insurer)) {
            throw new SyncException(BusinessException.Kind.FORBIDDEN, ErrorCodes.INSURER_OUT_OF_SCOPE,
                    "この保険者（" + insurer + "）のデータを連携する権限がありません。",
                    "the token's insurerNumbers claim does not include " + insurer);
        }
    }
}
