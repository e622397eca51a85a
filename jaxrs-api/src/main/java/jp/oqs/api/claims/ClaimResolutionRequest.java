package jp.oqs.api.claims;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Claims to route in the background: at least one, at most the configured number (default 100,000). */
public record ClaimResolutionRequest(@NotEmpty List<@NotNull @Valid Claim> claims) {
}
