package jp.oqs.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bearer-token rules, on tokens signed here: each way a token can be wrong is refused. */
class BearerTokensTest {

    private static final String ISSUER = "https://gateway.example/";
    private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
    private static KeyPair trusted;
    private static KeyPair stranger;

    private final BearerTokens tokens = new BearerTokens(ISSUER, pem(trusted), 60, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        trusted = generator.generateKeyPair();
        stranger = generator.generateKeyPair();
    }

    @Test
    void aWellSignedCurrentTokenGivesTheCallerItsGroupsAndClaims() throws Exception {
        TokenCaller caller = tokens.verify(token(trusted.getPrivate(), "RS256", claims -> claims
                .add("medicalInstitutionCode", "0110113719")));
        assertEquals("clinic-1", caller.getName());
        assertEquals(Set.of("clinic"), caller.groups());
        assertEquals("0110113719", caller.claim("medicalInstitutionCode"));
    }

    @Test
    void theUpnIsTheNameBeforeTheSubject() throws Exception {
        assertEquals("upn-name", tokens.verify(token(trusted.getPrivate(), "RS256",
                claims -> claims.add("upn", "upn-name"))).getName());
    }

    @Test
    void anExpiryWithinTheClockSkewIsAcceptedAndBeyondItRefused() throws Exception {
        tokens.verify(token(trusted.getPrivate(), "RS256", claims -> claims.add("exp", NOW.getEpochSecond() - 30)));
        refused(token(trusted.getPrivate(), "RS256", claims -> claims.add("exp", NOW.getEpochSecond() - 61)));
        refused(token(trusted.getPrivate(), "RS256", claims -> claims.remove("exp")));
        refused(token(trusted.getPrivate(), "RS256", claims -> claims.add("nbf", NOW.getEpochSecond() + 600)));
    }

    @Test
    void anotherIssuerOrAnotherKeyOrAnotherAlgorithmIsRefused() throws Exception {
        refused(token(trusted.getPrivate(), "RS256", claims -> claims.add("iss", "https://elsewhere.example/")));
        refused(token(stranger.getPrivate(), "RS256", claims -> { }));
        refused(token(trusted.getPrivate(), "RS512", claims -> { }));
        String unsigned = token(trusted.getPrivate(), "none", claims -> { });
        refused(unsigned.substring(0, unsigned.lastIndexOf('.') + 1));
    }

    @Test
    void aChangedPayloadOrMalformedTokenIsRefused() throws Exception {
        String[] parts = token(trusted.getPrivate(), "RS256", claims -> { }).split("\\.");
        String forged = base64(Json.createObjectBuilder(claims().build()).add("groups",
                Json.createArrayBuilder().add("ssk-admin")).build().toString());
        refused(parts[0] + "." + forged + "." + parts[2]);
        refused("not-a-token");
        refused("a.b.c");
        refused(token(trusted.getPrivate(), "RS256", claims -> claims.add("groups", "clinic")));
    }

    @Test
    void aVerifiedTokenIsRememberedButItsExpiryIsCheckedAtEveryRequestAndAChangedOneIsNotTheSame()
            throws Exception {
        MovableClock clock = new MovableClock(NOW);
        BearerTokens remembering = new BearerTokens(ISSUER, pem(trusted), 60, clock);
        String token = token(trusted.getPrivate(), "RS256", claims -> { });
        assertEquals("clinic-1", remembering.verify(token).getName());
        assertEquals("clinic-1", remembering.verify(token).getName());
        int signature = token.lastIndexOf('.') + 10;
        String changed = token.substring(0, signature) + (token.charAt(signature) == 'A' ? 'B' : 'A')
                + token.substring(signature + 1);
        assertThrows(BearerTokens.InvalidTokenException.class, () -> remembering.verify(changed));
        clock.advance(Duration.ofSeconds(300 + 60));
        assertEquals("clinic-1", remembering.verify(token).getName(), "within the clock skew");
        clock.advance(Duration.ofSeconds(1));
        assertThrows(BearerTokens.InvalidTokenException.class, () -> remembering.verify(token), "expired");
    }

    @Test
    void aRememberedTokenIsRefusedOnceTheKeyItWasVerifiedWithIsNoLongerTheOneTrustedForItsKid() throws Exception {
        AtomicReference<String> served = new AtomicReference<>(Json.createObjectBuilder().add("keys",
                Json.createArrayBuilder().add(jwk("ours", (RSAPublicKey) trusted.getPublic()))).build().toString());
        AtomicInteger reads = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            reads.incrementAndGet();
        });
        server.start();
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            MovableClock clock = new MovableClock(NOW);
            BearerTokens remote = new BearerTokens(ISSUER, "http://127.0.0.1:" + server.getAddress().getPort()
                    + "/jwks", null, 60, clock).executor(background);
            String header = base64(Json.createObjectBuilder().add("alg", "RS256").add("kid", "ours").build()
                    .toString());
            String token = sign(trusted.getPrivate(), header, base64(claims()
                    .add("exp", NOW.getEpochSecond() + 3600).build().toString()));
            assertEquals("clinic-1", remote.verify(token).getName());
            assertEquals("clinic-1", remote.verify(token).getName());

            // the issuer rotates the key under the same kid; the next read brings it
            served.set(Json.createObjectBuilder().add("keys", Json.createArrayBuilder()
                    .add(jwk("ours", (RSAPublicKey) stranger.getPublic()))).build().toString());
            clock.advance(Duration.ofMinutes(6));
            assertEquals("clinic-1", remote.verify(token).getName(), "this request goes on with the keys it has");
            boolean refused = false;
            for (int i = 0; i < 100 && !refused; i++) { // until the background read has brought the new key
                try {
                    remote.verify(token);
                    Thread.sleep(50);
                } catch (BearerTokens.InvalidTokenException e) {
                    refused = true;
                }
            }
            assertTrue(refused, "a token signed with a key no longer trusted is refused, remembered or not");
            assertEquals(2, reads.get());
        } finally {
            background.shutdownNow();
            server.stop(0);
        }
    }

    @Test
    void aCallerNameThatCannotBeRecordedAsAnActorIsRefused() throws Exception {
        assertEquals(100, tokens.verify(token(trusted.getPrivate(), "RS256",
                claims -> claims.add("sub", "s".repeat(100)))).getName().length());
        refused(token(trusted.getPrivate(), "RS256", claims -> claims.add("sub", "s".repeat(101))));
        refused(token(trusted.getPrivate(), "RS256", claims -> claims.add("sub", "clinic\u0000-1")));
    }

    @Test
    void aJwkSetIsSearchedByKeyId() throws Exception {
        RSAPublicKey key = (RSAPublicKey) trusted.getPublic();
        RSAPublicKey other = (RSAPublicKey) stranger.getPublic();
        String jwks = Json.createObjectBuilder().add("keys", Json.createArrayBuilder()
                .add(jwk("other", other)).add(jwk("ours", key))).build().toString();
        BearerTokens byKid = new BearerTokens(ISSUER, jwks, 60, Clock.fixed(NOW, ZoneOffset.UTC));
        String header = base64(Json.createObjectBuilder().add("alg", "RS256").add("kid", "ours").build().toString());
        assertEquals("clinic-1", byKid.verify(sign(trusted.getPrivate(), header, base64(claims().build().toString())))
                .getName());
        String wrongKid = base64(Json.createObjectBuilder().add("alg", "RS256").add("kid", "other").build()
                .toString());
        assertThrows(BearerTokens.InvalidTokenException.class, () -> byKid.verify(sign(trusted.getPrivate(),
                wrongKid, base64(claims().build().toString()))));
    }

    @Test
    void whenAudiencesAreConfiguredTheTokenMustNameOneOfThem() throws Exception {
        BearerTokens forUs = new BearerTokens(ISSUER, pem(trusted), 60, Clock.fixed(NOW, ZoneOffset.UTC))
                .audiences("oqs-api, oqs-admin");
        forUs.verify(token(trusted.getPrivate(), "RS256", claims -> claims.add("aud", "oqs-admin")));
        forUs.verify(token(trusted.getPrivate(), "RS256", claims -> claims.add("aud",
                Json.createArrayBuilder().add("elsewhere").add("oqs-api"))));
        assertThrows(BearerTokens.InvalidTokenException.class, () -> forUs.verify(token(trusted.getPrivate(),
                "RS256", claims -> { })));
        assertThrows(BearerTokens.InvalidTokenException.class, () -> forUs.verify(token(trusted.getPrivate(),
                "RS256", claims -> claims.add("aud", "elsewhere"))));
        assertThrows(BearerTokens.InvalidTokenException.class, () -> forUs.verify(token(trusted.getPrivate(),
                "RS256", claims -> claims.add("aud", Json.createArrayBuilder().add("a").add("b")))));
    }

    @Test
    void whenATokenAgeIsConfiguredTheTokenMustSayWhenItWasIssuedAndBeYoungEnough() throws Exception {
        BearerTokens young = new BearerTokens(ISSUER, pem(trusted), 60, Clock.fixed(NOW, ZoneOffset.UTC))
                .tokenAge(120);
        young.verify(token(trusted.getPrivate(), "RS256", claims -> claims.add("iat", NOW.getEpochSecond() - 170)));
        assertThrows(BearerTokens.InvalidTokenException.class, () -> young.verify(token(trusted.getPrivate(),
                "RS256", claims -> claims.remove("iat"))));
        assertThrows(BearerTokens.InvalidTokenException.class, () -> young.verify(token(trusted.getPrivate(),
                "RS256", claims -> claims.add("iat", NOW.getEpochSecond() - 181))));
    }

    @Test
    void aMalformedKeySetIsRefusedAsAWholeAndNeverFailsTheCallerOtherwiseThanAsARefusedToken() throws Exception {
        String malformed = Json.createObjectBuilder().add("keys", Json.createArrayBuilder()
                .add(jwk("ours", (RSAPublicKey) trusted.getPublic()))
                .add(Json.createObjectBuilder().add("kty", "RSA").add("kid", "broken"))).build().toString();
        assertThrows(java.security.GeneralSecurityException.class, () -> BearerTokens.parseKeys(malformed));
        assertThrows(java.security.GeneralSecurityException.class, () -> BearerTokens.parseKeys("{\"keys\":[1]}"));
        assertThrows(java.security.GeneralSecurityException.class, () -> BearerTokens.parseKeys("{\"keys\":[]}"));
        BearerTokens broken = new BearerTokens(ISSUER, malformed, 60, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThrows(BearerTokens.InvalidTokenException.class, () -> broken.verify(tokenAt(NOW, "ours")));
    }

    @Test
    void keysAreReadAgainInTheBackgroundOneReadAtATimeAndABadReadKeepsTheLastGoodSetUntilItsMaximumAge()
            throws Exception {
        String good = Json.createObjectBuilder().add("keys", Json.createArrayBuilder()
                .add(jwk("ours", (RSAPublicKey) trusted.getPublic()))).build().toString();
        AtomicReference<String> served = new AtomicReference<>(good);
        AtomicInteger delayMillis = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger mostConcurrent = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/jwks", exchange -> {
            reads.incrementAndGet();
            mostConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                Thread.sleep(delayMillis.get());
                byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                concurrent.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
        ExecutorService background = Executors.newCachedThreadPool();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            MovableClock clock = new MovableClock(NOW);
            BearerTokens remote = new BearerTokens(ISSUER, "http://127.0.0.1:" + server.getAddress().getPort()
                    + "/jwks", null, 60, clock).keysMaxAge(3600).executor(background);
            assertEquals("clinic-1", remote.verify(tokenAt(clock.instant(), "ours")).getName());
            assertEquals(1, reads.get());

            // the keys are due again, the source is slow and serves a malformed set
            served.set("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"ours\"}]}");
            delayMillis.set(1500);
            clock.advance(Duration.ofMinutes(6));
            String token = tokenAt(clock.instant(), "ours");
            List<Future<Long>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(callers.submit(() -> {
                    long start = System.nanoTime();
                    remote.verify(token);
                    return (System.nanoTime() - start) / 1_000_000;
                }));
            }
            for (Future<Long> answer : answers) {
                assertTrue(answer.get() < 1000, "a request waited " + answer.get() + " ms for a key read");
            }
            Thread.sleep(2500); // the one background read finishes, refused
            assertEquals(2, reads.get(), "one read for all the requests");
            assertEquals(1, mostConcurrent.get());
            assertEquals("clinic-1", remote.verify(tokenAt(clock.instant(), "ours")).getName(),
                    "the last good set stays in use");
            assertThrows(BearerTokens.InvalidTokenException.class, () -> remote.verify(tokenAt(clock.instant(),
                    "withdrawn-or-unknown")));

            // the source stays bad beyond the last good set's maximum age: nothing is trusted any more
            delayMillis.set(0);
            clock.advance(Duration.ofMinutes(55));
            assertThrows(BearerTokens.InvalidTokenException.class, () -> remote.verify(tokenAt(clock.instant(),
                    "ours")));
            Thread.sleep(500); // the read that refusal started finishes, refused again
            assertEquals(3, reads.get());

            // a good read trusts the keys again
            served.set(good);
            clock.advance(Duration.ofMinutes(1));
            assertThrows(BearerTokens.InvalidTokenException.class, () -> remote.verify(tokenAt(clock.instant(),
                    "ours"))); // starts the read, does not wait for it
            Thread.sleep(1000);
            assertEquals("clinic-1", remote.verify(tokenAt(clock.instant(), "ours")).getName());
        } finally {
            callers.shutdownNow();
            background.shutdownNow();
            server.stop(0);
        }
    }

    private static String tokenAt(Instant now, String kid) throws Exception {
        String header = base64(Json.createObjectBuilder().add("alg", "RS256").add("kid", kid).build().toString());
        return sign(trusted.getPrivate(), header, base64(claims().add("iat", now.getEpochSecond() - 10)
                .add("exp", now.getEpochSecond() + 300).build().toString()));
    }

    /** A clock the test moves on. */
    private static final class MovableClock extends Clock {

        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(n -> n.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private void refused(String token) {
        assertThrows(BearerTokens.InvalidTokenException.class, () -> tokens.verify(token));
    }

    private static JsonObjectBuilder claims() {
        return Json.createObjectBuilder()
                .add("iss", ISSUER)
                .add("sub", "clinic-1")
                .add("groups", Json.createArrayBuilder().add("clinic"))
                .add("iat", NOW.getEpochSecond() - 10)
                .add("exp", NOW.getEpochSecond() + 300);
    }

    private static String token(PrivateKey key, String algorithm, Consumer<JsonObjectBuilder> change)
            throws Exception {
        JsonObjectBuilder claims = claims();
        change.accept(claims);
        JsonObject header = Json.createObjectBuilder().add("alg", algorithm).add("typ", "JWT").build();
        return sign(key, base64(header.toString()), base64(claims.build().toString()));
    }

    private static String sign(PrivateKey key, String header, String payload) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static JsonObjectBuilder jwk(String kid, RSAPublicKey key) {
        return Json.createObjectBuilder().add("kty", "RSA").add("kid", kid).add("use", "sig")
                .add("n", unsigned(key.getModulus())).add("e", unsigned(key.getPublicExponent()));
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int start = bytes[0] == 0 ? 1 : 0;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.util.Arrays.copyOfRange(bytes, start, bytes.length));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
