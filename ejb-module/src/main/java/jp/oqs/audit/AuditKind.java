package jp.oqs.audit;

/** What was done. */
public enum AuditKind {
    /** A clinic's check by card numbers. */
    LOOKUP,
    /** A clinic's check by My Number card certificate. */
    CERTIFICATE_LOOKUP,
    /** One entry of a clinic's bulk check. */
    BULK_ENTRY,
    /** A staff member opened a person's qualification history in the console. */
    PERSON_VIEW,
    /** A staff member reached for an insurer outside their organisation's scope (refused). */
    REGISTRY_ACCESS,
    /** A staff member signed in to the console. */
    SIGN_IN,
    /** A console sign-in was refused; the result names the reason (never the password). */
    SIGN_IN_REFUSED,
    /** An administrator created a console account; the result names it and its role. */
    ACCOUNT_CREATED,
    /** An administrator disabled a console account. */
    ACCOUNT_DISABLED,
    /** An administrator enabled a console account again. */
    ACCOUNT_ENABLED,
    /** A sync job enrolled a card certificate for a person. */
    CERTIFICATE_ENROLMENT,
    /** A sync job revoked a card certificate's enrolment. */
    CERTIFICATE_REVOCATION,
    /** A sync job acquired a qualification for a person so far known only at other insurers. */
    CROSS_INSURER_ACQUIRE,
    /** A sync job read personal data: the changes feed, notices or a batch's results (result names which). */
    SYNC_READ,
    /**
     * An authenticated API caller was refused: 403 (role, scope, claims) or 404 for an object fetched by id that
     * is missing or another's. The result names status, error code, method and path template; never a parameter.
     */
    ACCESS_REFUSED,
    /**
     * A sync job's ACQUIRE named a link key whose person has another birth date or sex (refused); the result is the
     * code answered: {@code PERSON_MISMATCH} to an insurer that holds or held the person, else
     * {@code RECORD_INVALID CROSS_INSURER}.
     */
    PERSON_MISMATCH_REFUSED,
    /**
     * Staff changed the insurer registry: onboarding, a numbering rule, activation, suspension, merger, dissolution
     * (the result says which, with the rule or date).
     */
    REGISTRY_CHANGE,
    /** A person read, with the My Number card, which clinics checked them (result: how many entries). */
    ACCESS_HISTORY_READ,
    /** Staff searched or verified the audit trail (result: {@code SEARCH n} or {@code VERIFY INTACT|BROKEN n}). */
    AUDIT_READ,
    /** A clinic went over a per-clinic limit and was refused (429); at most one entry per clinic and period. */
    CLINIC_LIMIT,
    /** A clinic's share of not-found answers reached the alert threshold in a window (possible harvesting). */
    CLINIC_ALERT,
    /**
     * A clinic's card session: opened ({@code OPENED}, no person), or confirmed with the card and answered (the
     * person, and the validity as for a certificate lookup), or refused (the error code).
     */
    CARD_SESSION,
    /** A patient consented at a clinic's reader to share a category with it (actor: the clinic; result: category). */
    CONSENT_GRANTED,
    /**
     * A consent ended before its expiry: withdrawn by the person with the card, or answered "no" at the reader
     * (actor: the person; result: category and clinic).
     */
    CONSENT_WITHDRAWN,
    /** The person registered the card for health insurance use (健康保険証利用登録). */
    CARD_REGISTRATION,
    /** The person withdrew the card's registration. */
    CARD_DEREGISTRATION,
    /** A clinic registered or removed 照会番号 (result: {@code STORED n REMOVED m}); names no person. */
    REFERENCE_NUMBERS,
    /**
     * A sync job stored a person's health record (issue 12): result {@code CHECKUP|MEDICATION <date> NEW|CORRECTION}.
     */
    HEALTH_DATA_RECEIVED,
    /**
     * A person's 特定健診 results were read: by the person with the card ({@code SHOWN|PRINTED ENTRIES n}) or by a
     * clinic under consent ({@code ENTRIES n}), or a clinic was refused ({@code REFUSED <code>}).
     */
    CHECKUPS_READ,
    /** A person's medications were read, by the person or a clinic, or a clinic was refused (as CHECKUPS_READ). */
    MEDICATIONS_READ,
    /**
     * One claim of an operator's claims job routed by the person's history (レセプト振替・分割): the person whose
     * history was read (none when the card matched nobody), the claim's insurer, the disposition.
     */
    CLAIM_RESOLUTION,
    /** An operator fetched a clinic's 資格確認結果連絡書 (result: clinic, month, number of claims listed). */
    CLAIM_NOTICE
}
