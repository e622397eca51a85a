package jp.oqs.api.health;

import java.time.LocalDate;
import java.util.List;

/** The person's check-ups from {@code from} (five years back) to today, across insurers, newest first. */
public record CheckupHistory(LocalDate from, List<CheckupView> checkups) {
}
