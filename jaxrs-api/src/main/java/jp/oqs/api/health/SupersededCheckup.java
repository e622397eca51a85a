package jp.oqs.api.health;

import java.time.Instant;
import java.util.List;

/** A result a correction replaced: what it said, when it arrived and when it was replaced. */
public record SupersededCheckup(Instant receivedAt, Instant supersededAt, List<CheckupItemView> items) {
}
