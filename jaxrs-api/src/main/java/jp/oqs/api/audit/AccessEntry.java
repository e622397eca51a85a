package jp.oqs.api.audit;

import java.time.Instant;

/** Who looked: the clinic's code, when, how, and what it was told. */
public record AccessEntry(Instant occurredAt, String medicalInstitutionCode, String kind, String result) {
}
