package jp.oqs.sync;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyOrderStrategy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The fingerprint of a batch's content: a resend has the same one, a reused batch id another. */
final class BatchContent {

    private static final Jsonb CANONICAL = JsonbBuilder.create(new JsonbConfig()
            .withPropertyOrderStrategy(PropertyOrderStrategy.LEXICOGRAPHICAL)
            .withNullValues(false));

    private BatchContent() {
    }

    /** The hash of the request's canonical JSON (properties in order, nulls left out): any batch record. */
    static String hash(Object batch) {
        try {
            byte[] canonical = CANONICAL.toJson(batch).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
