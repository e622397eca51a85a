package jp.oqs.api.health;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One drug dispensed, with the records a correction replaced, newest first. */
public record MedicationView(LocalDate dispensedOn, String dispensedBy, DrugCodeKind codeKind, String drugCode,
                             String drugName, String quantity, String unit, int days, String insurerNumber,
                             Instant receivedAt, List<SupersededMedication> superseded) {
}
