package org.carepath.clinicview.fhir;

import org.carepath.testing.HttpJson;
import org.carepath.testing.TestInfrastructure;
import org.carepath.testing.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * clinic-view-service against the JVM-wide broker and MongoDB endpoint, with intake's findings endpoint stubbed
 * (the only outbound HTTP call). Every FHIR IT extends this class, so they share one Spring context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "resilience4j.circuitbreaker.instances.intake.wait-duration-in-open-state=2s",
            "resilience4j.retry.instances.intake.wait-duration=50ms",
            "carepath.clinic-view.intake-timeout=2s"
        })
abstract class RunningFhirFacade {

    static final String FHIR_JSON = "application/fhir+json";

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
        registry.add("carepath.clinic-view.intake-url", () -> IntakeStub.get().url());
    }

    /** The FHIR base, called as a hospital system (role integration). */
    HttpJson fhir() {
        return new HttpJson("http://127.0.0.1:" + port + "/fhir/r4")
                .as(TestTokens.get().forRole("integration"));
    }

    HttpJson fhirAs(String role) {
        return new HttpJson("http://127.0.0.1:" + port + "/fhir/r4")
                .as(TestTokens.get().forRole(role));
    }

    /** How many audit records clinic-view holds for an episode (GET /api/v1/audit, role admin). */
    long audited(String episodeId) {
        return new HttpJson("http://127.0.0.1:" + port)
                .as(TestTokens.get().forRole("admin"))
                .get("/api/v1/audit?episodeId=" + episodeId)
                .json()
                .get("total")
                .asLong();
    }

    HttpJson fhirAnonymous() {
        return new HttpJson("http://127.0.0.1:" + port + "/fhir/r4").anonymous();
    }
}
