package jp.oqs.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The secret the audit chains are keyed with (HMAC-SHA256), kept outside the database so that write access to the
 * database is not enough to recompute a chain: {@code oqs.audit.chain-key} (environment
 * {@code OQS_AUDIT_CHAIN_KEY}; at least 32 characters), else the file {@code oqs.audit.chain-key-file}
 * ({@code <data>/audit-chain-key}), generated once (owner-only) when missing. Every instance writing to one
 * database must have the same key; losing it makes every keyed entry unverifiable.
 */
@ApplicationScoped
public class AuditChainKey {

    private static final int MIN_LENGTH = 32;

    private volatile SecretKeySpec key;
    private final ThreadLocal<Mac> macs = new ThreadLocal<>();

    /** For CDI. */
    public AuditChainKey() {
    }

    /** For tests: a key from its text. */
    AuditChainKey(String secret) {
        this.key = spec(secret);
    }

    /** HMAC-SHA256 of {@code canonical} under the key, in hex. */
    String mac(String canonical) {
        try {
            Mac mac = macs.get();
            SecretKeySpec current = key();
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(current);
                macs.set(mac);
            }
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = spec(load());
                }
                current = key;
            }
        }
        return current;
    }

    private static SecretKeySpec spec(String secret) {
        if (secret.strip().length() < MIN_LENGTH) {
            throw new IllegalStateException("oqs.audit.chain-key must have at least " + MIN_LENGTH + " characters");
        }
        return new SecretKeySpec(secret.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    private static String load() {
        var config = ConfigProvider.getConfig();
        Optional<String> configured = config.getOptionalValue("oqs.audit.chain-key", String.class);
        if (configured.isPresent()) {
            return configured.get();
        }
        Path file = Path.of(config.getOptionalValue("oqs.audit.chain-key-file", String.class)
                .orElse(config.getOptionalValue("oqs.data.dir", String.class).orElse("data") + "/audit-chain-key"));
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException e) {
                    return Files.readString(file); // another instance made it just now
                }
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit chain key file " + file + " cannot be read or made", e);
        }
    }
}
