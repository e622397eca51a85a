package jp.oqs.api.audit;

import java.time.Instant;

/** A one-time challenge the person's card signs to prove it is present. */
public record AccessChallenge(String challenge, Instant expiresAt) {
}
