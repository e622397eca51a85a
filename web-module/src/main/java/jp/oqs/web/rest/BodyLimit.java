package jp.oqs.web.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jp.oqs.api.error.ErrorCodes;

/**
 * The largest request body a resource method reads (see {@link BodyLimitFeature}): a larger one is refused with
 * 413 before it is parsed, by its declared length or, without one, as soon as that many bytes have arrived. A
 * method without this annotation reads at most {@link Kind#OTHER}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

    Kind value();

    /** The limits, each a MicroProfile Config property in bytes with its default, and the code of its 413. */
    enum Kind {
        /** A single check by card numbers. */
        LOOKUP("oqs.body-limit.lookup", 4 * 1024, ErrorCodes.BODY_TOO_LARGE),
        /** A body with a card certificate: certificate lookups, enrolments, a person's access history. */
        CERTIFICATE("oqs.body-limit.certificate", 16 * 1024, ErrorCodes.BODY_TOO_LARGE),
        /** The registry's requests: onboarding, numbering rules, merger, dissolution. */
        ADMIN("oqs.body-limit.admin", 8 * 1024, ErrorCodes.BODY_TOO_LARGE),
        /** A clinic's 照会番号 registrations (at most 10,000 cards of about 150 bytes each). */
        REFERENCE_NUMBERS("oqs.body-limit.reference-numbers", 2 * 1024 * 1024, ErrorCodes.BODY_TOO_LARGE),
        /** A bulk check. */
        BULK("oqs.bulk.max-body-bytes", 64 * 1024 * 1024, ErrorCodes.BULK_TOO_LARGE),
        /** A claims job (at most 100,000 claims of about 400 bytes each). */
        CLAIMS("oqs.claims.max-body-bytes", 64 * 1024 * 1024, ErrorCodes.CLAIMS_TOO_LARGE),
        /** A sync batch. */
        SYNC_BATCH("oqs.sync.max-body-bytes", 64 * 1024 * 1024, ErrorCodes.BATCH_TOO_LARGE),
        /** A batch of health records (特定健診 results or medications). */
        HEALTH_SYNC("oqs.body-limit.health-sync", 16 * 1024 * 1024, ErrorCodes.BATCH_TOO_LARGE),
        /** A clinic's reading of its patient's health records: the card session's id. */
        SESSION("oqs.body-limit.session", 1024, ErrorCodes.BODY_TOO_LARGE),
        /** Any other method (none of them reads a body). */
        OTHER("oqs.body-limit.other", 1024, ErrorCodes.BODY_TOO_LARGE);

        private final String property;
        private final long defaultBytes;
        private final String code;

        Kind(String property, long defaultBytes, String code) {
            this.property = property;
            this.defaultBytes = defaultBytes;
            this.code = code;
        }

        public String property() {
            return property;
        }

        public long defaultBytes() {
            return defaultBytes;
        }

        public String code() {
            return code;
        }
    }
}
