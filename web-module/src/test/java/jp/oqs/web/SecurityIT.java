package jp.oqs.web;

import static jp.oqs.web.ItSupport.assertError;
import static jp.oqs.web.ItSupport.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.security.CallerApi;
import jp.oqs.api.security.CallerView;
import jp.oqs.api.security.Roles;
import jp.oqs.devtools.EmbeddedTokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Callers, tokens and roles; health. */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.microWar();
    }

    @ArquillianResource
    private URL deployment;

    private WebTarget insurers() {
        return ItSupport.rawClient().target(ItSupport.api(deployment)).path("admin/insurers");
    }

    @Test
    void aCallWithoutATokenIsUnauthenticated() {
        assertError(401, ErrorCodes.UNAUTHENTICATED, insurers().request().get());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthenticated() throws Exception {
        Path otherDataDir = Files.createTempDirectory("other-key");
        String forged = new EmbeddedTokens(otherDataDir).issue(Roles.SSK_ADMIN, "intruder", Map.of(),
                Duration.ofMinutes(5));
        assertError(401, ErrorCodes.UNAUTHENTICATED,
                insurers().request().header("Authorization", "Bearer " + forged).get());
        assertError(401, ErrorCodes.UNAUTHENTICATED,
                insurers().request().header("Authorization", "Bearer not.a.token").get());
    }

    @Test
    void anExpiredTokenIsUnauthenticated() throws Exception {
        String expired = new EmbeddedTokens(Path.of(System.getProperty("oqs.it.data.dir")))
                .issue(Roles.SSK_ADMIN, "late", Map.of(), Duration.ofMinutes(-10));
        assertError(401, ErrorCodes.UNAUTHENTICATED,
                insurers().request().header("Authorization", "Bearer " + expired).get());
    }

    @Test
    void aClinicMayNotUseTheAdminApi() {
        String clinic = token(Roles.CLINIC, "clinic-1", Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, "0110113719"));
        assertError(403, ErrorCodes.FORBIDDEN_ROLE,
                insurers().request().header("Authorization", "Bearer " + clinic).get());
    }

    @Test
    void callersSeeTheirValidatedClaims() {
        CallerApi clinic = ItSupport.client(CallerApi.class, deployment, token(Roles.CLINIC, "clinic-1",
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, "0110113719")));
        CallerView me = clinic.me();
        assertEquals("clinic-1", me.subject());
        assertEquals(List.of(Roles.CLINIC), me.roles());
        assertEquals("0110113719", me.medicalInstitutionCode());

        CallerApi sync = ItSupport.client(CallerApi.class, deployment, token(Roles.INSURER_SYNC, "sync-1",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of("01130012", "131045"))));
        assertEquals(List.of("01130012", "00131045"), sync.me().insurerNumbers());
    }

    @Test
    void aClinicTokenWithAnInvalidCodeIsRefused() {
        CallerApi clinic = ItSupport.client(CallerApi.class, deployment, token(Roles.CLINIC, "clinic-2",
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, "0110113718")));
        var error = assertError(403, ErrorCodes.FORBIDDEN_CLINIC, clinic::me);
        assertTrue(error.hint().contains("検証番号"), error.hint());
    }

    @Test
    void theOpenApiDocumentDescribesEveryOperationWithItsRolesAndErrorCodes() {
        String document = ItSupport.rawClient().target(ItSupport.server(deployment)).path("openapi")
                .request().get(String.class);
        for (String path : List.of("/api/v1/admin/insurers:", "/api/v1/admin/insurers/{insurerNumber}/numbering-rules",
                "/api/v1/sync/batches:", "/api/v1/sync/notices:", "/api/v1/sync/changes:",
                "/api/v1/eligibility/lookups:", "/api/v1/eligibility/certificate-lookups:",
                "/api/v1/eligibility/bulk-lookups:", "/api/v1/admin/audit:", "/api/v1/persons/access-history:")) {
            assertTrue(document.contains(path), () -> "missing " + path);
        }
        assertTrue(document.contains("Roles: clinic."), "roles");
        assertTrue(document.contains("AS_OF_IN_FUTURE") && document.contains("BATCH_ID_REUSED"), "error codes");
        assertTrue(document.contains("LookupRequest:") && document.contains("ErrorBody:"), "schemas");
        assertTrue(document.contains("bearerFormat: JWT"), "security scheme");
        assertTrue(document.contains("maxLength: 40") && document.contains("maximum: 100000"), "declared bounds");
        assertTrue(document.contains("oqs.body-limit.lookup") && document.contains("BODY_TOO_LARGE"), "body limits");
    }

    @Test
    void readinessIsUpWithTheMigratedSchema() {
        try (Response ready = ItSupport.rawClient().target(ItSupport.server(deployment)).path("health/ready")
                .request().get()) {
            assertEquals(200, ready.getStatus());
            String body = ready.readEntity(String.class);
            assertTrue(body.contains("\"status\":\"UP\"") && body.contains("schemaVersion"), body);
        }
        try (Response live = ItSupport.rawClient().target(ItSupport.server(deployment)).path("health/live")
                .request().get()) {
            assertEquals(200, live.getStatus());
        }
    }
}
