package org.carepath.clinicview.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.carepath.clinicview.fhir.IntakeStub.Mode;
import org.carepath.clinicview.fhir.PublishedEpisodes.Published;
import org.carepath.clinicview.projection.EpisodeView;
import org.carepath.testing.HttpJson;
import org.carepath.testing.TopicPublisher;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * {@code POST /fhir/r4/DiagnosticReport} against the real broker and store, with intake's findings endpoint a real
 * HTTP stub: a report becomes one finding (a retry never a second), bad input is a 4xx OperationOutcome that
 * changes nothing, and with intake down the breaker opens, answers 503 fast, and closes once intake is back.
 */
class DiagnosticReportIT extends RunningFhirFacade {

    private static TopicPublisher topics;

    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    static void publisher() {
        topics = new TopicPublisher();
    }

    @AfterAll
    static void close() {
        topics.close();
    }

    @AfterEach
    void intakeUp() {
        IntakeStub.get().mode(Mode.UP);
    }

    @Test
    void aFinalImagingReportBecomesOneFindingAndTheHospitalsRetryRecordsNoSecond() {
        Published episode = PublishedEpisodes.chronicReferral(topics, fhir());
        String body = DiagnosticReports.json(DiagnosticReports.herniatedDiscMri(
                episode.episodeId(), episode.patientId(), "ACC-" + UUID.randomUUID()));

        HttpJson.Response created = post(body);
        HttpJson.Response again = post(body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith(FHIR_JSON);
        DiagnosticReport answered =
                DiagnosticReports.FHIR.newJsonParser().parseResource(DiagnosticReport.class, created.body());
        assertThat(answered.getIdElement().getIdPart()).isNotBlank();
        assertThat(again.status()).isEqualTo(201);
        assertThat(DiagnosticReports.FHIR
                        .newJsonParser()
                        .parseResource(DiagnosticReport.class, again.body())
                        .getIdElement()
                        .getIdPart())
                .isEqualTo(answered.getIdElement().getIdPart());
        IntakeStub intake = IntakeStub.get();
        assertThat(intake.findingsRecordedFor(episode.episodeId())).isEqualTo(1);
        IntakeStub.Call call = intake.callsFor(episode.episodeId()).get(0);
        assertThat(HttpJson.parse(call.body()).get("structuralCause").asString())
                .isEqualTo("HERNIATED_DISC");
        assertThat(HttpJson.parse(call.body()).get("imaging").asString()).isEqualTo("MRI");
        assertThat(HttpJson.parse(call.body()).get("levels").asInt()).isEqualTo(1);
        assertThat(HttpJson.parse(call.body()).get("conservativeCareFailed").asBoolean())
                .isTrue();
        assertThat(call.authorization()).startsWith("Bearer ");
        assertThat(call.idempotencyKey()).startsWith("fhir-diagnostic-report-");
    }

    @Test
    void aReportNamingThePatientByMrnInXmlIsRecordedToo() {
        Published episode = PublishedEpisodes.chronicReferral(topics, fhir());
        DiagnosticReport report = report(episode)
                .setSubject(new Reference()
                        .setIdentifier(new org.hl7.fhir.r4.model.Identifier()
                                .setSystem("http://hospital.example/mrn")
                                .setValue(episode.mrn())));

        HttpJson.Response created = fhir().post(
                        "/DiagnosticReport",
                        DiagnosticReports.FHIR.newXmlParser().encodeResourceToString(report),
                        "application/fhir+xml",
                        Map.of());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.contentType()).startsWith(FHIR_JSON);
        assertThat(IntakeStub.get().findingsRecordedFor(episode.episodeId())).isEqualTo(1);
    }

    @Test
    void aRetryAfterALostAnswerRecordsTheFindingOnce() {
        Published episode = PublishedEpisodes.chronicReferral(topics, fhir());
        IntakeStub intake = IntakeStub.get();
        intake.mode(Mode.LOSE_NEXT_ANSWER);

        HttpJson.Response created = post(DiagnosticReports.json(DiagnosticReports.herniatedDiscMri(
                episode.episodeId(), episode.patientId(), "ACC-" + UUID.randomUUID())));

        assertThat(created.status()).isEqualTo(201);
        assertThat(intake.callsFor(episode.episodeId())).hasSize(2);
        assertThat(intake.callsFor(episode.episodeId()).stream()
                        .map(IntakeStub.Call::idempotencyKey)
                        .distinct())
                .hasSize(1);
        assertThat(intake.findingsRecordedFor(episode.episodeId())).isEqualTo(1);
    }

    static Stream<Arguments> badReports() {
        return Stream.of(
                Arguments.of(
                        "malformed JSON", 400, (Function<Published, String>) episode -> "{\"resourceType\": \"Diag"),
                Arguments.of("not JSON at all", 400, (Function<Published, String>) episode -> "MSH|^~\\&|RIS"),
                Arguments.of("another resource type", 400, (Function<Published, String>)
                        episode -> "{\"resourceType\":\"Patient\",\"id\":\"x\"}"),
                Arguments.of("an invalid resource (unknown element, no code)", 422, (Function<Published, String>)
                        episode -> "{\"resourceType\":\"DiagnosticReport\",\"status\":\"final\",\"madeUp\":true}"),
                Arguments.of("an unmappable conclusion", 422, (Function<Published, String>) episode -> {
                    DiagnosticReport report = report(episode);
                    report.getConclusionCode().clear();
                    report.addConclusionCode(new CodeableConcept(new Coding(
                            FhirCodes.ICD10CM, "S32.009A", "Unspecified fracture of unspecified lumbar vertebra")));
                    return DiagnosticReports.json(report);
                }),
                Arguments.of("no conclusion code", 422, (Function<Published, String>) episode -> {
                    DiagnosticReport report = report(episode);
                    report.getConclusionCode().clear();
                    return DiagnosticReports.json(report);
                }),
                Arguments.of(
                        "a preliminary result", 422, (Function<Published, String>) episode -> DiagnosticReports.json(
                                report(episode).setStatus(DiagnosticReport.DiagnosticReportStatus.PRELIMINARY))),
                Arguments.of("no episode named", 422, (Function<Published, String>) episode -> {
                    DiagnosticReport report = report(episode);
                    report.getExtension()
                            .removeIf(extension -> extension.getUrl().equals(FhirCodes.EXT_EPISODE));
                    return DiagnosticReports.json(report);
                }),
                Arguments.of("an unknown episode", 404, (Function<Published, String>)
                        episode -> DiagnosticReports.json(DiagnosticReports.herniatedDiscMri(
                                UUID.randomUUID().toString(), episode.patientId(), "ACC-1"))),
                Arguments.of("another patient", 404, (Function<Published, String>) episode ->
                        DiagnosticReports.json(report(episode).setSubject(new Reference("Patient/pt-someone-else")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReports")
    void badInputIsA4xxOperationOutcomeAndChangesNothing(String why, int status, Function<Published, String> body) {
        Published episode = PublishedEpisodes.chronicReferral(topics, fhir());
        EpisodeView before = mongo.findById(episode.episodeId(), EpisodeView.class);

        HttpJson.Response refused = post(body.apply(episode));

        assertThat(refused.status()).as(why).isEqualTo(status);
        assertThat(refused.contentType()).startsWith(FHIR_JSON);
        OperationOutcome outcome =
                DiagnosticReports.FHIR.newJsonParser().parseResource(OperationOutcome.class, refused.body());
        assertThat(outcome.getIssue()).isNotEmpty();
        assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).isNotBlank();
        assertThat(IntakeStub.get().callsFor(episode.episodeId())).isEmpty();
        assertThat(mongo.findById(episode.episodeId(), EpisodeView.class).record())
                .isEqualTo(before.record());
    }

    @Test
    void anUnmappableConclusionNamesWhatCouldNotBeMapped() {
        Published episode = PublishedEpisodes.chronicReferral(topics, fhir());
        DiagnosticReport report = report(episode);
        report.getConclusionCode().clear();
        report.addConclusionCode(new CodeableConcept().setText("Degenerative changes, mild"));

        HttpJson.Response refused = post(DiagnosticReports.json(report));

        assertThat(refused.status()).isEqualTo(422);
        OperationOutcome outcome =
                DiagnosticReports.FHIR.newJsonParser().parseResource(OperationOutcome.class, refused.body());
        assertThat(outcome.getIssueFirstRep().getExpression())
                .extracting(expression -> expression.getValue())
                .containsExactly("DiagnosticReport.conclusionCode");
    }

    @Test
    void anInvalidResourceIsRejectedWithTheValidatorsMessages() {
        HttpJson.Response refused =
                post("{\"resourceType\":\"DiagnosticReport\",\"status\":\"final\",\"madeUp\":true}");

        assertThat(refused.status()).isEqualTo(422);
        OperationOutcome outcome =
                DiagnosticReports.FHIR.newJsonParser().parseResource(OperationOutcome.class, refused.body());
        assertThat(outcome.getIssue())
                .extracting(issue -> issue.getDiagnostics())
                .anyMatch(message -> message.contains("madeUp"))
                .anyMatch(message -> message.contains("code"));
    }

    @Test
    void withIntakeDownTheBreakerOpensAndAnswers503FastThenRecoversWhenIntakeIsBack() {
        Published episode = PublishedEpisodes.chronicReferral(topics, fhir());
        String body = DiagnosticReports.json(DiagnosticReports.herniatedDiscMri(
                episode.episodeId(), episode.patientId(), "ACC-" + UUID.randomUUID()));
        IntakeStub intake = IntakeStub.get();
        intake.mode(Mode.DOWN);

        HttpJson.Response failed = post(body);
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.contentType()).startsWith(FHIR_JSON);
        HttpJson.Response open = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            open = post(body);
            if (open.body().contains("circuit breaker is open")) {
                break;
            }
        }
        int callsWhileOpen = intake.callsFor(episode.episodeId()).size();
        long started = System.nanoTime();
        HttpJson.Response fast = post(body);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(open.status()).isEqualTo(503);
        assertThat(open.body()).contains("circuit breaker is open");
        assertThat(fast.status()).isEqualTo(503);
        assertThat(tookMillis).isLessThan(1_000);
        assertThat(intake.callsFor(episode.episodeId())).hasSize(callsWhileOpen);
        assertThat(intake.findingsRecordedFor(episode.episodeId())).isZero();

        intake.mode(Mode.UP);
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> post(body).status() == 201);
        assertThat(intake.findingsRecordedFor(episode.episodeId())).isEqualTo(1);
    }

    private static DiagnosticReport report(Published episode) {
        return DiagnosticReports.herniatedDiscMri(episode.episodeId(), episode.patientId(), "ACC-" + UUID.randomUUID());
    }

    private HttpJson.Response post(String body) {
        return fhir().post("/DiagnosticReport", body, FHIR_JSON, Map.of());
    }
}
