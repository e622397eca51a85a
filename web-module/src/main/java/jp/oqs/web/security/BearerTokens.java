package jp.oqs.web.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies the REST callers' bearer tokens as MicroProfile JWT specifies, from the same settings
 * ({@code mp.jwt.verify.issuer}, {@code mp.jwt.verify.publickey.location} or {@code mp.jwt.verify.publickey},
 * {@code mp.jwt.verify.clock.skew}, {@code mp.jwt.verify.audiences}, {@code mp.jwt.verify.token.age}): an RS256
 * signature by the configured key (a PEM public key, or a JWK set chosen by {@code kid}), the issuer, expiry and
 * not-before, the audience and the token's age when configured, and the groups that become roles.
 *
 * <p>The keys are read again every five minutes in the background, at most one read in flight: a request waits
 * for a read only while no key set has ever been read. A key set that does not parse as a whole (one malformed
 * JWK is enough) is refused and logged, and the last good set stays in use; but no longer than
 * {@code oqs.jwt.keys.max-age} seconds after it was read, after which every token is refused (401) until a read
 * succeeds again, so a withdrawn key does not stay trusted for ever while the key source is unreachable.
 */
@ApplicationScoped
public class BearerTokens {

    private static final Logger LOG = System.getLogger(BearerTokens.class.getName());
    private static final int MAX_TOKEN_LENGTH = 16_384;
    /** The actor columns hold 100 characters. */
    private static final int MAX_NAME_LENGTH = 100;
    private static final Duration KEY_REFRESH = Duration.ofMinutes(5);
    /** How soon a failed or kid-missing read may be tried again. */
    private static final Duration KEY_RETRY = Duration.ofSeconds(30);
    /** How long a request waits for the very first key read. */
    private static final long FIRST_READ_WAIT_SECONDS = 20;
    private static final String ANY_KID = "";
    /**
     * Made once: {@code Json.createReader} looks the JSON provider up through the service loader at every call,
     * which scanned the class path on every request (13 % of a lookup's CPU in a profile).
     */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    /**
     * How many verified tokens are remembered, and the longest remembered (a gateway's token has 1 to 2 KB; longer
     * ones are verified at every request): at most about 25 MB of heap. When full, all are forgotten at once.
     */
    static final int VERIFIED_CAPACITY = 4096;
    private static final int VERIFIED_MAX_LENGTH = 2048;

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
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    private Optional<String> audiences;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.token.age")
    private Optional<Long> tokenAgeSeconds;

    @Inject
    @ConfigProperty(name = "oqs.jwt.keys.max-age", defaultValue = "86400")
    private long keysMaxAgeSeconds;

    @Inject
    private Clock clock;

    @Resource
    private ManagedExecutorService managedExecutor;

    private Executor executor;

    /** The last good key set, or null while none was ever read. */
    private volatile KeySet keys;
    private volatile Instant lastAttempt = Instant.MIN;
    private final AtomicReference<CompletableFuture<KeySet>> inFlight = new AtomicReference<>();

    /**
     * Tokens that verified, by the token itself (at most {@link #VERIFIED_MAX_LENGTH} characters; a digest of each
     * token cost more than the map): a caller sends the same token with each request until it expires, and its
     * signature and claims do not change. Only what depends on the token alone is remembered; what depends on the
     * time (expiry, not-before, age) and on the keys (the key the token was verified with must still be the one
     * trusted for its kid, and the key set not older than its maximum age) is checked again at every request. A
     * refused token is never remembered.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(String kid, PublicKey key, TokenCaller caller) {
    }

    /** Keys by kid, and when they were read. */
    private record KeySet(Map<String, PublicKey> keys, Instant readAt) {
    }

    /** For CDI. */
    public BearerTokens() {
    }

    /** For tests: a verifier trusting {@code issuer} and the key in {@code keyText} (PEM or JWK set). */
    BearerTokens(String issuer, String keyText, long clockSkewSeconds, Clock clock) {
        this(issuer, null, keyText, clockSkewSeconds, clock);
    }

    /** For tests: a verifier reading its keys from {@code keyLocation} or, when null, {@code keyText}. */
    BearerTokens(String issuer, String keyLocation, String keyText, long clockSkewSeconds, Clock clock) {
        this.issuer = Optional.of(issuer);
        this.keyLocation = Optional.ofNullable(keyLocation);
        this.inlineKey = Optional.ofNullable(keyText);
        this.algorithm = "RS256";
        this.clockSkewSeconds = clockSkewSeconds;
        this.clock = clock;
        this.audiences = Optional.empty();
        this.tokenAgeSeconds = Optional.empty();
        this.keysMaxAgeSeconds = 86_400;
    }

    /** For tests: the audiences a token must name one of (MicroProfile JWT {@code mp.jwt.verify.audiences}). */
    BearerTokens audiences(String commaSeparated) {
        this.audiences = Optional.of(commaSeparated);
        return this;
    }

    /** For tests: {@code mp.jwt.verify.token.age}. */
    BearerTokens tokenAge(long seconds) {
        this.tokenAgeSeconds = Optional.of(seconds);
        return this;
    }

    /** For tests: {@code oqs.jwt.keys.max-age}. */
    BearerTokens keysMaxAge(long seconds) {
        this.keysMaxAgeSeconds = seconds;
        return this;
    }

    /** For tests: where key reads run. */
    BearerTokens executor(Executor executor) {
        this.executor = executor;
        return this;
    }

    /** The caller the token proves, or an exception saying (for the log, never for the caller) why not. */
    public TokenCaller verify(String token) throws InvalidTokenException {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException("token longer than " + MAX_TOKEN_LENGTH);
        }
        Verified known = verified.get(token);
        if (known != null && key(known.kid()) == known.key()) {
            checkTimes(known.caller().claims());
            return known.caller();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new InvalidTokenException("not a signed JWT (three dot-separated parts)");
        }
        JsonObject header = json(parts[0], "header");
        if (!"RS256".equals(algorithm) || !algorithm.equals(text(header, "alg"))) {
            throw new InvalidTokenException("algorithm " + text(header, "alg") + " is not the configured RS256");
        }
        String kid = text(header, "kid");
        PublicKey key = key(kid);
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
        checkAudience(claims);
        String name = firstOf(claims, "upn", "preferred_username", "sub");
        if (name == null || name.isBlank()) {
            throw new InvalidTokenException("no upn, preferred_username or sub");
        }
        if (name.length() > MAX_NAME_LENGTH || !name.codePoints().allMatch(c -> c >= 0x20 && c != 0x7F)) {
            throw new InvalidTokenException("the caller's name has more than " + MAX_NAME_LENGTH
                    + " characters or control characters (it is recorded as the actor of what the caller does)");
        }
        TokenCaller caller = new TokenCaller(name, groups(claims), claims);
        if (token.length() <= VERIFIED_MAX_LENGTH) {
            if (verified.size() >= VERIFIED_CAPACITY) {
                verified.clear();
            }
            verified.put(token, new Verified(kid, key, caller));
        }
        return caller;
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
        if (tokenAgeSeconds.isPresent()) {
            if (issued == null) {
                throw new InvalidTokenException("no iat, and mp.jwt.verify.token.age is set");
            }
            if (now > issued + tokenAgeSeconds.get() + clockSkewSeconds) {
                throw new InvalidTokenException("issued more than " + tokenAgeSeconds.get() + " s ago (iat)");
            }
        }
    }

    /** MicroProfile JWT 2.1: when audiences are configured the token's aud must name at least one of them. */
    private void checkAudience(JsonObject claims) throws InvalidTokenException {
        if (audiences.isEmpty()) {
            return;
        }
        Set<String> accepted = Arrays.stream(audiences.get().split(",")).map(String::strip)
                .filter(a -> !a.isEmpty()).collect(Collectors.toSet());
        if (accepted.isEmpty()) {
            return;
        }
        JsonValue aud = claims.get("aud");
        Set<String> named = new LinkedHashSet<>();
        if (aud instanceof JsonString text) {
            named.add(text.getString());
        } else if (aud instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString text) {
                    named.add(text.getString());
                }
            }
        }
        if (named.stream().noneMatch(accepted::contains)) {
            throw new InvalidTokenException("audience " + named + " is not one of the accepted ones");
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
        Instant now = clock.instant();
        KeySet current = keys;
        if (current == null) {
            current = firstKeys(now);
        } else if (now.isAfter(current.readAt().plus(KEY_REFRESH)) && now.isAfter(lastAttempt.plus(KEY_RETRY))) {
            refresh(now); // in the background: this request goes on with the keys it has
        }
        if (now.isAfter(current.readAt().plusSeconds(keysMaxAgeSeconds))) {
            refresh(now);
            throw new InvalidTokenException("the last good verification keys were read at " + current.readAt()
                    + ", longer ago than oqs.jwt.keys.max-age (" + keysMaxAgeSeconds + " s), and not read since");
        }
        PublicKey key = kid == null ? null : current.keys().get(kid);
        if (key == null && current.keys().size() == 1 && (kid == null || current.keys().containsKey(ANY_KID))) {
            key = current.keys().values().iterator().next(); // one key, and no kid to tell it by
        }
        if (key == null) {
            if (now.isAfter(lastAttempt.plus(KEY_RETRY))) {
                refresh(now); // perhaps a key rotated in since the last read
            }
            throw new InvalidTokenException("no key with kid " + kid);
        }
        return key;
    }

    /** No key set read yet: wait for the one read in flight (starting it unless one failed just now). */
    private KeySet firstKeys(Instant now) throws InvalidTokenException {
        CompletableFuture<KeySet> read = inFlight.get();
        if (read == null) {
            if (!now.isAfter(lastAttempt.plus(KEY_RETRY))) {
                throw new InvalidTokenException("no verification key is readable (the last read failed)");
            }
            read = refresh(now);
        }
        try {
            KeySet read0 = read.get(FIRST_READ_WAIT_SECONDS, TimeUnit.SECONDS);
            if (read0 == null) {
                throw new InvalidTokenException("no verification key is configured or readable");
            }
            return read0;
        } catch (ExecutionException | TimeoutException e) {
            throw new InvalidTokenException("no verification key is readable yet: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidTokenException("interrupted waiting for the verification keys");
        }
    }

    /** Starts a key read unless one is in flight; the future completes with the good key set (or null). */
    private CompletableFuture<KeySet> refresh(Instant now) {
        CompletableFuture<KeySet> mine = new CompletableFuture<>();
        CompletableFuture<KeySet> running = inFlight.compareAndExchange(null, mine);
        if (running != null) {
            return running;
        }
        lastAttempt = now;
        try {
            executor().execute(() -> readKeys(mine));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "bearer token key read could not be started: " + e);
            inFlight.set(null);
            mine.complete(keys);
        }
        return mine;
    }

    private void readKeys(CompletableFuture<KeySet> done) {
        KeySet result = keys;
        try {
            String text = inlineKey.isPresent() ? inlineKey.get() : read(keyLocation.orElseThrow(
                    () -> new IOException("neither mp.jwt.verify.publickey nor .location is set")));
            result = new KeySet(Map.copyOf(parseKeys(text)), clock.instant());
            keys = result;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.log(Level.ERROR, "bearer token verification keys cannot be read, "
                    + (result == null ? "tokens are refused: " : "the last good keys (read at " + result.readAt()
                    + ") stay in use: ") + e);
        } finally {
            inFlight.set(null);
            done.complete(result);
        }
    }

    private Executor executor() {
        if (executor == null) {
            executor = managedExecutor != null ? managedExecutor : Runnable::run;
        }
        return executor;
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

    /**
     * A PEM (or bare base64) public key, a JWK, or a JWK set; refused as a whole when any RSA signing key in it is
     * malformed or none is there.
     */
    static Map<String, PublicKey> parseKeys(String text) throws GeneralSecurityException {
        String trimmed = text.strip();
        Map<String, PublicKey> parsed = new HashMap<>();
        if (trimmed.startsWith("{")) {
            JsonObject object;
            try (JsonReader reader = READERS.createReader(new StringReader(trimmed))) {
                object = reader.readObject();
            }
            JsonArray set = object.containsKey("keys") ? object.getJsonArray("keys") : Json.createArrayBuilder()
                    .add(object).build();
            for (JsonValue value : set) {
                if (!(value instanceof JsonObject jwk)) {
                    throw new GeneralSecurityException("a JWK set entry is not an object");
                }
                if ("RSA".equals(jwk.getString("kty", null)) && !"enc".equals(jwk.getString("use", null))) {
                    if (!(jwk.get("n") instanceof JsonString n) || !(jwk.get("e") instanceof JsonString e)) {
                        throw new GeneralSecurityException("RSA JWK " + jwk.getString("kid", ANY_KID)
                                + " has no n or e");
                    }
                    BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(n.getString()));
                    BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(e.getString()));
                    if (exponent.signum() == 0) {
                        throw new GeneralSecurityException("RSA JWK with exponent 0");
                    }
                    String kid = jwk.get("kid") instanceof JsonString k ? k.getString() : ANY_KID;
                    if (parsed.put(kid, strongEnough(KeyFactory.getInstance("RSA")
                            .generatePublic(new RSAPublicKeySpec(modulus, exponent)))) != null) {
                        throw new GeneralSecurityException("two keys with kid " + kid);
                    }
                }
            }
            if (parsed.isEmpty()) {
                throw new GeneralSecurityException("the JWK set holds no RSA signing key");
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
        try (JsonReader reader = READERS.createReader(new StringReader(
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
