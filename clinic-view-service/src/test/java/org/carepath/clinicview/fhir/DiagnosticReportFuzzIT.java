package org.carepath.clinicview.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.sessions.JqwikSession;
import org.carepath.clinicview.fhir.PublishedEpisodes.Published;
import org.carepath.testing.HttpJson;
import org.carepath.testing.JsonMutations;
import org.carepath.testing.TopicPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 9's fuzzing, for the FHIR endpoint a hospital posts to: 10,000 mutations of a valid DiagnosticReport (fields
 * removed, replaced by hostile values, unknown ones added, or no JSON at all). Never a 5xx; every refusal is an
 * OperationOutcome; a refused report never reaches intake. With the structural validation (HAPI's strict parser and
 * the required elements), so that 10,000 bodies take a minute, not ten: what is fuzzed is Carepath's parsing,
 * mapping and answers; the full validator's verdicts are the other ITs' subject.
 */
@TestPropertySource(properties = "carepath.clinic-view.fhir-validation=structural")
class DiagnosticReportFuzzIT extends RunningFhirFacade {

    private static final int BODIES = 10_000;
    private static final long SEED = 20261202L;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TopicPublisher topics;

    @BeforeAll
    static void publisher() {
        topics = new TopicPublisher();
    }

    @AfterAll
    static void close() {
        topics.close();
    }

    @BeforeEach
    void startGenerators() {
        JqwikSession.start();
    }

    @AfterEach
    void endGenerators() {
        JqwikSession.finish();
    }

    @Test
    void mutatedReportsAreAnsweredClearlyAndARefusedOneChangesNothing() {
        Published episode = PublishedEpisodes.chronicReferral(topics, fhir());
        ObjectNode valid = (ObjectNode) JSON.readTree(DiagnosticReports.json(DiagnosticReports.herniatedDiscMri(
                episode.episodeId(), episode.patientId(), "ACC-" + UUID.randomUUID())));
        Random random = new Random(SEED);
        IntakeStub intake = IntakeStub.get();

        for (int i = 0; i < BODIES; i++) {
            String body = JsonMutations.mutated(valid.deepCopy(), random);
            int callsBefore = intake.callsFor(episode.episodeId()).size();

            HttpJson.Response answer = fhir().post("/DiagnosticReport", body, FHIR_JSON, Map.of());

            String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
            assertThat(answer.status())
                    .as("%s answered %s", shown, answer.body())
                    .isLessThan(500);
            if (answer.status() >= 400) {
                assertThat(answer.contentType()).as(shown).startsWith(FHIR_JSON);
                assertThat(answer.body()).as(shown).contains("\"resourceType\":\"OperationOutcome\"");
                assertThat(intake.callsFor(episode.episodeId())).as(shown).hasSize(callsBefore);
            }
        }
    }
}
