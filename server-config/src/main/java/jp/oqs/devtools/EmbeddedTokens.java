package jp.oqs.devtools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues RS256 bearer tokens (MicroProfile JWT) for the embedded default.
 *
 * <pre>
 * java -jar server-config.jar --data-dir data --role clinic --subject clinic-demo \
 *      --claim medicalInstitutionCode=0110113719
 * java -jar server-config.jar --data-dir data --role insurer-sync --subject sync-1 --claim insurerNumbers=06130012,01130012
 * java -jar server-config.jar --data-dir data --ensure-key
 * </pre>
 */
public final class EmbeddedTokens {

    /** Issuer the embedded default trusts ({@code mp.jwt.verify.issuer} default). */
    public static final String ISSUER = "urn:oqs:embedded-development";
    /** The key pair's files in the data directory (bin/oqs run checks for both before it starts a JVM here). */
    static final String PRIVATE_KEY_FILE = "jwt/embedded-signing-private.pem";
    static final String PUBLIC_KEY_FILE = "jwt/embedded-signing-public.pem";
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);

    private final Path dataDir;

    public EmbeddedTokens(Path dataDir) {
        this.dataDir = dataDir;
    }

    public static void main(String[] args) {
        try {
            run(args, System.out); // no System.exit on success: the build runs this in its own JVM
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: --data-dir DIR (--ensure-key | --role ROLE --subject NAME [--claim k=v]..."
                    + " [--lifetime-minutes N])");
            System.exit(2);
        } catch (IOException | GeneralSecurityException e) {
            System.err.println("cannot issue a token: " + e);
            System.exit(1);
        }
    }

    static void run(String[] args, PrintStream out) throws IOException, GeneralSecurityException {
        Path dataDir = Path.of(System.getenv().getOrDefault("OQS_DATA_DIR", "data"));
        String role = null;
        String subject = null;
        boolean ensureKeyOnly = false;
        Duration lifetime = DEFAULT_LIFETIME;
        Map<String, Object> claims = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(value(args, ++i));
                case "--role" -> role = value(args, ++i);
                case "--subject" -> subject = value(args, ++i);
                case "--ensure-key" -> ensureKeyOnly = true;
                case "--lifetime-minutes" -> lifetime = Duration.ofMinutes(Long.parseLong(value(args, ++i)));
                case "--claim" -> {
                    String claim = value(args, ++i);
                    int eq = claim.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--claim needs name=value, got " + claim);
                    }
                    String name = claim.substring(0, eq);
                    String v = claim.substring(eq + 1);
                    claims.put(name, "insurerNumbers".equals(name) ? List.of(v.split(",")) : v);
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        EmbeddedTokens tokens = new EmbeddedTokens(dataDir);
        if (ensureKeyOnly) {
            out.println(tokens.ensureKey());
            return;
        }
        if (role == null || subject == null) {
            throw new IllegalArgumentException("--role and --subject are required");
        }
        out.println(tokens.issue(role, subject, claims, lifetime));
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    /** Generates the signing key pair into the data directory unless present; returns the public key file. */
    public synchronized Path ensureKey() throws IOException, GeneralSecurityException {
        Path privateKey = dataDir.resolve(PRIVATE_KEY_FILE);
        Path publicKey = dataDir.resolve(PUBLIC_KEY_FILE);
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return publicKey.toAbsolutePath();
        }
        Files.createDirectories(privateKey.getParent());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path tmpPrivate = Files.createTempFile(privateKey.getParent(), "key", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmpPrivate, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardOpenOption.WRITE);
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.move(tmpPrivate, privateKey, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return publicKey.toAbsolutePath();
    }

    /** A signed token for {@code role}, valid for {@code lifetime}. */
    public String issue(String role, String subject, Map<String, Object> extraClaims, Duration lifetime)
            throws IOException, GeneralSecurityException {
        ensureKey();
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", List.of(role));
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.putAll(extraClaims);
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = base64Url(json(claims));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(privateKey());
        signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private PrivateKey privateKey() throws IOException, GeneralSecurityException {
        String pem = Files.readString(dataDir.resolve(PRIVATE_KEY_FILE));
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> members = new ArrayList<>();
            map.forEach((k, v) -> members.add(quote(k.toString()) + ":" + json(v)));
            return "{" + String.join(",", members) + "}";
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(json(item)));
            return "[" + String.join(",", items) + "]";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(String.valueOf(value));
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
