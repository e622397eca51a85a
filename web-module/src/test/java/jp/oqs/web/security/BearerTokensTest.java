package jp.oqs.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
