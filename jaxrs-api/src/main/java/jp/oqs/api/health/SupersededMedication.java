package jp.oqs.api.health;

import java.time.Instant;

/** A dispensing record a correction replaced. */
public record SupersededMedication(Instant receivedAt, Instant supersededAt, String drugName, String quantity,
                                   String unit, int days) {
}
