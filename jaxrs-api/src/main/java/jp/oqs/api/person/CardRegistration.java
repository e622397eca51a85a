package jp.oqs.api.person;

import java.time.Instant;

/** The card's registration: when it was linked to the person, and when withdrawn (null while in force). */
public record CardRegistration(Instant registeredAt, Instant withdrawnAt) {
}
