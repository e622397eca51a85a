package jp.oqs.api.health;

import java.time.LocalDate;
import java.util.List;

/** The person's dispensed medications from {@code from} (three years back) to today, across insurers, newest first. */
public record MedicationHistory(LocalDate from, List<MedicationView> medications) {
}
