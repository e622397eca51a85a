package jp.oqs.api.audit;

import java.time.Instant;

/**
 * Who looked: the clinic's code, when, how, and what it was told; or what the person did with the card that changes
 * what clinics may see (a withdrawn consent, card registration): then {@code medicalInstitutionCode} is null and the
 * result names the category and clinic.
 */
public record AccessEntry(Instant occurredAt, String medicalInstitutionCode, String kind, String result) {
}
