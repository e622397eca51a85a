package jp.oqs.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies the REST callers' bearer tokens as MicroProfile JWT specifies, from the same settings
 * ({@code mp.jwt.verify.issuer}, {@code mp.jwt.verify.publickey.location} or {@code mp.jwt.verify.publickey},
 * {@code mp.jwt.verify.clock.skew}): an RS256 signature by the configured key (a PEM public key, or a JWK set
 * chosen by {@code kid}), the issuer, expiry and not-before, and the groups that become roles. The key is read
 * again every five minutes, so a rotated key file or JWKS is picked up without a restart.
 */
@ApplicationScoped
public class BearerTokens {

    private static final Logger LOG = System.getLogger(BearerTokens.class.getName());
    private static final int MAX_TOKEN_LENGTH = 16_384;
    /** The actor columns hold 100 characters. */
    private static final int MAX_NAME_LENGTH = 100;
    private static final Duration KEY_REFRESH = Duration.ofMinutes(5);
    private static final String ANY_KID = "";

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    private Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    private Optional<String> keyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    private Optional<String> inlineKey;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.algorithm", defaultValue = "RS256")
    private String algorithm;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    private long clockSkewSeconds;

    @Inject
    private Clock clock;

    private volatile Map<String, PublicKey> keys;
    private volatile Instant keysReadAt = Instant.MIN;

    /** For CDI. */
    public BearerTokens() {
    }

    /** For tests: a verifier trusting {@code issuer} and the key in {@code keyText} (PEM or JWK set). */
    BearerTokens(String issuer, String keyText, long clockSkewSeconds, Clock clock) {
        this.issuer = Optional.of(issuer);
        this.keyLocation = Optional.empty();
        this.inlineKey = Optional.of(keyText);
        this.algorithm = "RS256";
        this.clockSkewSeconds = clockSkewSeconds;
        this.clock = clock;
    }

    /** The caller the token proves, or an exception saying (for the log, never for the caller) why not. */
    public TokenCaller verify(String token) throws InvalidTokenException {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException("token longer than " + MAX_TOKEN_LENGTH);
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new InvalidTokenException("not a signed JWT (three dot-separated parts)");
        }
        JsonObject header = json(parts[0], "header");
        if (!"RS256".equals(algorithm) || !algorithm.equals(text(header, "alg"))) {
            throw new InvalidTokenException("algorithm " + text(header, "alg") + " is not the configured RS256");
        }
        PublicKey key = key(text(header, "kid"));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new InvalidTokenException("signature does not verify");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidTokenException("signature cannot be verified: " + e.getMessage());
        }
        JsonObject claims = json(parts[1], "claims");
        checkTimes(claims);
        if (issuer.isEmpty() || !issuer.get().equals(text(claims, "iss"))) {
            throw new InvalidTokenException("issuer " + text(claims, "iss") + " is not the trusted one");
        }
        String name = firstOf(claims, "upn", "preferred_username", "sub");
        if (name == null || name.isBlank()) {
            throw new InvalidTokenException("no upn, preferred_username or sub");
        }
        if (name.length() > MAX_NAME_LENGTH || !name.codePoints().allMatch(c -> c >= 0x20 && c != 0x7F)) {
            throw new InvalidTokenException("the caller's name has more than " + MAX_NAME_LENGTH
                    + " characters or control characters (it is recorded as the actor of what the caller does)");
        }
        return new TokenCaller(name, groups(claims), claims);
    }

    private void checkTimes(JsonObject claims) throws InvalidTokenException {
        long now = clock.instant().getEpochSecond();
        Long expires = seconds(claims, "exp");
        if (expires == null) {
            throw new InvalidTokenException("no exp");
        }
        if (now > expires + clockSkewSeconds) {
            throw new InvalidTokenException("expired");
        }
        Long notBefore = seconds(claims, "nbf");
        if (notBefore != null && now + clockSkewSeconds < notBefore) {
            throw new InvalidTokenException("not yet valid (nbf)");
        }
        Long issued = seconds(claims, "iat");
        if (issued != null && now + clockSkewSeconds < issued) {
            throw new InvalidTokenException("issued in the future (iat)");
        }
    }

    private static Set<String> groups(JsonObject claims) throws InvalidTokenException {
        JsonValue value = claims.get("groups");
        Set<String> groups = new LinkedHashSet<>();
        if (value == null) {
            return groups;
        }
        if (!(value instanceof JsonArray array)) {
            throw new InvalidTokenException("groups is not an array");
        }
        for (JsonValue group : array) {
            if (!(group instanceof JsonString text)) {
                throw new InvalidTokenException("groups holds a non-string");
            }
            groups.add(text.getString());
        }
        return groups;
    }

    private PublicKey key(String kid) throws InvalidTokenException {
        Map<String, PublicKey> current = keys;
        if (current == null || Instant.now().isAfter(keysReadAt.plus(KEY_REFRESH))) {
            current = reloadKeys(current);
        }
        if (current.isEmpty()) {
            throw new InvalidTokenException("no verification key is configured or readable");
        }
        PublicKey key = kid == null ? null : current.get(kid);
        if (key == null && current.size() == 1) {
            key = current.values().iterator().next();
        }
        if (key == null) {
            throw new InvalidTokenException("no key with kid " + kid);
        }
        return key;
    }

    private synchronized Map<String, PublicKey> reloadKeys(Map<String, PublicKey> previous) {
        if (keys != previous) {
            return keys; // another thread just read them
        }
        try {
            String text = inlineKey.isPresent() ? inlineKey.get() : read(keyLocation.orElseThrow(
                    () -> new IOException("neither mp.jwt.verify.publickey nor .location is set")));
            keys = parseKeys(text);
        } catch (IOException | GeneralSecurityException | JsonException | IllegalArgumentException e) {
            LOG.log(Level.ERROR, "bearer token verification key cannot be read, tokens are refused: " + e);
            keys = previous == null ? Map.of() : previous; // keep a key that worked
        }
        keysReadAt = Instant.now();
        return keys;
    }

    private static String read(String location) throws IOException {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            try {
                HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                        .send(HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(10)).build(),
                                HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException(location + " answered " + response.statusCode());
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted reading " + location);
            }
        }
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("no resource " + resource);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        return Files.readString(path);
    }

    /** A PEM (or bare base64) public key, a JWK, or a JWK set. */
    static Map<String, PublicKey> parseKeys(String text) throws GeneralSecurityException {
        String trimmed = text.strip();
        Map<String, PublicKey> parsed = new HashMap<>();
        if (trimmed.startsWith("{")) {
            JsonObject object;
            try (JsonReader reader = Json.createReader(new StringReader(trimmed))) {
                object = reader.readObject();
            }
            JsonArray set = object.containsKey("keys") ? object.getJsonArray("keys") : Json.createArrayBuilder()
                    .add(object).build();
            for (JsonValue value : set) {
                JsonObject jwk = value.asJsonObject();
                if ("RSA".equals(jwk.getString("kty", null)) && !"enc".equals(jwk.getString("use", null))) {
                    BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n")));
                    BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")));
                    parsed.put(jwk.getString("kid", ANY_KID), strongEnough(KeyFactory.getInstance("RSA")
                            .generatePublic(new RSAPublicKeySpec(modulus, exponent))));
                }
            }
            return parsed;
        }
        String base64 = trimmed.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        parsed.put(ANY_KID, strongEnough(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(base64)))));
        return parsed;
    }

    private static PublicKey strongEnough(PublicKey key) throws GeneralSecurityException {
        if (((RSAPublicKey) key).getModulus().bitLength() < 2048) {
            throw new GeneralSecurityException("RSA keys shorter than 2048 bits are not trusted");
        }
        return key;
    }

    private static JsonObject json(String part, String what) throws InvalidTokenException {
        try (JsonReader reader = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (JsonException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidTokenException(what + " is not base64url JSON");
        }
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString text ? text.getString() : null;
    }

    private static String firstOf(JsonObject claims, String... names) {
        for (String name : names) {
            String value = text(claims, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static Long seconds(JsonObject claims, String name) throws InvalidTokenException {
        JsonValue value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            throw new InvalidTokenException(name + " is not a number");
        }
        return number.longValue();
    }

    /** Why a token is refused: logged at FINE, never told to the caller (who gets 401). */
    public static final class InvalidTokenException extends Exception {

        private static final long serialVersionUID = 1L;

        InvalidTokenException(String reason) {
            super(reason);
        }
    }
}
