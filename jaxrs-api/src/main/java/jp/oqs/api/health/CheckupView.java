package jp.oqs.api.health;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One check-up: the day, the insurer that sent it (insurer numbers are public), its items, and the results it
 * replaced (corrections), newest first.
 */
public record CheckupView(LocalDate examinedOn, String insurerNumber, Instant receivedAt, List<CheckupItemView> items,
                          List<SupersededCheckup> superseded) {
}
