package org.carepath.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.carepath.events.Topics;
import org.carepath.local.CarepathService;
import org.carepath.local.ServiceFleet;
import org.carepath.testing.HttpJson;
import org.carepath.testing.ReportJson;
import org.carepath.testing.TestInfrastructure;
import org.carepath.testing.TopicPublisher;
import org.carepath.testing.TopicRecorder;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Episodes through all four services, each its own process started from its jar, over a real Kafka broker and
 * MongoDB wire endpoint; driven and checked only through the REST contract.
 */
class PathwayEndToEndIT {

    private static final Logger log = LoggerFactory.getLogger(PathwayEndToEndIT.class);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private static ServiceFleet fleet;
    private static HttpJson intake;
    private static HttpJson triage;
    private static HttpJson scheduling;
    private static HttpJson billing;

    @BeforeAll
    static void startTheFourServices() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        Path moduleDir = Path.of("").toAbsolutePath();
        fleet = ServiceFleet.start(
                moduleDir.getParent(),
                infrastructure.kafkaBootstrapServers(),
                infrastructure.mongoUri(),
                moduleDir.resolve("target/e2e-logs"),
                Duration.ofMinutes(5),
                log::info,
                freePorts());
        // Tokens from the fleet's own Spring Authorization Server, each client with the role its calls need.
        intake = client(CarepathService.INTAKE, "clinician");
        triage = client(CarepathService.TRIAGE, "clinician");
        scheduling = client(CarepathService.SCHEDULING, "staff");
        billing = client(CarepathService.BILLING, "staff");
    }

    @AfterAll
    static void stopThem() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aRedFlagReportIsAnEmergencyWithAnEmergencyInstruction() {
        String episodeId = report(ReportJson.redFlag(TODAY.minusDays(1)));

        JsonNode decision = awaitJson(triage, "/api/v1/episodes/" + episodeId + "/triage");
        assertThat(decision.get("disposition").asString()).isEqualTo("EMERGENCY");
        assertThat(decision.get("redFlags").toString()).contains("ER-1");
        assertThat(decision.get("rules").toString()).contains("ER-1");

        JsonNode followUps = awaitList(scheduling, "/api/v1/episodes/" + episodeId + "/follow-ups", list -> kinds(list)
                .contains("EMERGENCY_INSTRUCTION"));
        assertThat(kinds(followUps)).doesNotContain("ICE_TO_HEAT", "TWO_WEEK_CHECK");
        assertThat(scheduling
                        .get("/api/v1/episodes/" + episodeId + "/appointments")
                        .json())
                .isEmpty();
    }

    @Test
    void theContractExampleIsConservativeCareWithItsFollowUpsPlanned() {
        String episodeId = report(ReportJson.contractExample(TODAY.minusDays(1)));

        JsonNode decision = awaitJson(triage, "/api/v1/episodes/" + episodeId + "/triage");
        assertThat(decision.get("disposition").asString()).isEqualTo("CONSERVATIVE_CARE");
        assertThat(decision.get("classification").asString()).isEqualTo("ACUTE");
        assertThat(decision.get("rules").toString()).contains("CC-REST");

        JsonNode followUps = awaitList(scheduling, "/api/v1/episodes/" + episodeId + "/follow-ups", list -> kinds(list)
                .containsAll(List.of("ICE_TO_HEAT", "TWO_WEEK_CHECK", "RECOVERY_CHECK")));
        for (JsonNode followUp : followUps) {
            assertThat(followUp.get("status").asString()).isEqualTo("PENDING");
            assertThat(followUp.get("channel").asString()).isEqualTo("SMS");
        }
        assertThat(intake.get("/api/v1/episodes/" + episodeId)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("REPORTED");
    }

    @Test
    void aReferralBooksImagingThenTheSpecialistAndEstimatesWhatIsBooked() {
        String episodeId = report(ReportJson.contractExample(TODAY.minusDays(25))
                .withSymptoms("TINGLING_LEGS", "STIFFNESS")
                .withHistory("homeCareTried", true));

        JsonNode decision = awaitJson(triage, "/api/v1/episodes/" + episodeId + "/triage");
        assertThat(decision.get("disposition").asString()).isEqualTo("SPECIALIST_REFERRAL");
        assertThat(decision.get("rules").toString()).contains("SP-3", "IM-MRI");

        JsonNode appointments =
                awaitList(scheduling, "/api/v1/episodes/" + episodeId + "/appointments", list -> types(list)
                        .containsAll(List.of("IMAGING_MRI", "SPECIALIST_VISIT")));
        JsonNode mri = find(appointments, "IMAGING_MRI");
        JsonNode visit = find(appointments, "SPECIALIST_VISIT");
        assertThat(visit.get("specialty").asString()).isEqualTo("SPINE_SURGEON");
        assertThat(visit.get("start").asString()).isGreaterThan(mri.get("end").asString());
        assertThat(mri.get("cpt").asString()).isEqualTo("72148");

        JsonNode estimate = await().atMost(SETTLE)
                .until(
                        () -> billing.get("/api/v1/episodes/" + episodeId + "/estimate"),
                        response -> response.status() == 200
                                && response.json().get("lines").size() == 2)
                .json();
        assertThat(estimate.get("primaryPayer").asString()).isEqualTo("MEDICARE");
        assertThat(cpts(estimate.get("lines"))).containsExactlyInAnyOrder("72148", "99204");
        // Medicare with Medigap, deductible met: the supplement pays the 20 % (B-MCR, B-SUPP).
        assertThat(estimate.get("totals").get("patientPays").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(estimate.get("totals").get("allowed").decimalValue()).isEqualByComparingTo("369.08");
    }

    @Test
    void aStructuralFindingAfterFailedCareMakesASurgicalConsultPricedWithItsProcedure() {
        String episodeId = report(ReportJson.contractExample(TODAY.minusDays(30)));
        awaitJson(triage, "/api/v1/episodes/" + episodeId + "/triage");

        var finding = intake.post(
                "/api/v1/episodes/" + episodeId + "/findings",
                "{\"imaging\": \"MRI\", \"structuralCause\": \"HERNIATED_DISC\", \"levels\": 1, \"conservativeCareFailed\": true}");
        assertThat(finding.status()).isEqualTo(202);

        JsonNode decision = await().atMost(SETTLE)
                .until(
                        () -> triage.get("/api/v1/episodes/" + episodeId + "/triage"),
                        response -> response.status() == 200
                                && response.json().get("version").asInt() == 2)
                .json();
        assertThat(decision.get("disposition").asString()).isEqualTo("SURGICAL_CONSULT");
        assertThat(decision.get("candidateProcedures").toString()).contains("63030");
        awaitList(scheduling, "/api/v1/episodes/" + episodeId + "/appointments", list -> types(list)
                .contains("SURGICAL_CONSULT"));
        JsonNode estimate = await().atMost(SETTLE)
                .until(
                        () -> billing.get("/api/v1/episodes/" + episodeId + "/estimate"),
                        response -> response.status() == 200
                                && cpts(response.json().get("lines")).contains("63030"))
                .json();
        assertThat(estimate.get("rules").toString()).contains("B-MCR");
    }

    @Test
    void aHospitalsFhirMriReportOfAHerniatedDiscLeadsToASurgicalConsultAndAnUpdatedClaim() {
        String episodeId = report(ReportJson.contractExample(TODAY.minusDays(30)));
        awaitJson(triage, "/api/v1/episodes/" + episodeId + "/triage");
        HttpJson clinicView = client(CarepathService.CLINIC_VIEW, "integration");
        String everythingPath = "/fhir/r4/EpisodeOfCare/" + episodeId + "/$everything";
        String beforeJson = await().atMost(SETTLE)
                .until(
                        () -> clinicView.get(everythingPath),
                        response -> response.status() == 200 && response.body().contains("\"Claim\""))
                .body();
        assertThat(validationErrors(beforeJson)).isEmpty();
        Bundle before = FHIR.newJsonParser().parseResource(Bundle.class, beforeJson);
        String patient = resources(before, Patient.class).get(0).getIdElement().getIdPart();
        String claimBefore = FHIR.newJsonParser()
                .encodeResourceToString(resources(before, Claim.class).get(0));

        DiagnosticReport mri = new DiagnosticReport();
        mri.addIdentifier().setSystem("urn:oid:1.2.840.114350.1.13.99").setValue("ACC-" + episodeId);
        mri.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        mri.setCode(new CodeableConcept(new Coding("http://www.ama-assn.org/go/cpt", "72148", null))
                .setText("MRI lumbar spine"));
        mri.setSubject(new Reference("Patient/" + patient));
        mri.addExtension(new Extension(
                "https://carepath.org/fhir/StructureDefinition/episode", new Reference("EpisodeOfCare/" + episodeId)));
        mri.addExtension(new Extension(
                "https://carepath.org/fhir/StructureDefinition/conservative-care-failed", new BooleanType(true)));
        mri.addConclusionCode(new CodeableConcept(new Coding(
                "http://hl7.org/fhir/sid/icd-10-cm",
                "M51.26",
                "Other intervertebral disc displacement, lumbar region")));
        var created = clinicView.post(
                "/fhir/r4/DiagnosticReport",
                FHIR.newJsonParser().encodeResourceToString(mri),
                "application/fhir+json",
                Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        JsonNode decision = await().atMost(SETTLE)
                .until(
                        () -> triage.get("/api/v1/episodes/" + episodeId + "/triage"),
                        response -> response.status() == 200
                                && response.json().get("version").asInt() == 2)
                .json();
        assertThat(decision.get("disposition").asString()).isEqualTo("SURGICAL_CONSULT");
        Bundle after = FHIR.newJsonParser()
                .parseResource(
                        Bundle.class,
                        await().atMost(SETTLE)
                                .until(() -> clinicView.get(everythingPath), response -> {
                                    if (response.status() != 200) {
                                        return false;
                                    }
                                    Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
                                    return resources(bundle, Appointment.class).stream()
                                                    .anyMatch(appointment ->
                                                            appointment.getServiceTypeFirstRep().getCoding().stream()
                                                                    .anyMatch(coding -> "SURGICAL_CONSULT"
                                                                            .equals(coding.getCode())))
                                            && resources(bundle, Claim.class).stream()
                                                    .anyMatch(claim -> claim.getItem().stream()
                                                            .anyMatch(item -> "63030"
                                                                    .equals(item.getProductOrService()
                                                                            .getCodingFirstRep()
                                                                            .getCode())));
                                })
                                .body());
        assertThat(validationErrors(FHIR.newJsonParser().encodeResourceToString(after)))
                .isEmpty();
        Claim claim = resources(after, Claim.class).get(0);
        assertThat(claim.getUse()).isEqualTo(Claim.Use.PREDETERMINATION);
        assertThat(FHIR.newJsonParser().encodeResourceToString(claim)).isNotEqualTo(claimBefore);
        assertThat(resources(after, EpisodeOfCare.class)
                        .get(0)
                        .getTypeFirstRep()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("SURGICAL_CONSULT");
        // The hospital's retry records nothing new: the decision stays at version 2.
        assertThat(clinicView
                        .post(
                                "/fhir/r4/DiagnosticReport",
                                FHIR.newJsonParser().encodeResourceToString(mri),
                                "application/fhir+json",
                                Map.of())
                        .status())
                .isEqualTo(201);
        assertThat(triage.get("/api/v1/episodes/" + episodeId + "/triage/history")
                        .json()
                        .size())
                .isEqualTo(2);
    }

    @Test
    void theEpisodesClinicViewServesAsFhirValidateAgainstBaseR4() {
        HttpJson clinicView = client(CarepathService.CLINIC_VIEW, "integration");
        String emergency = report(ReportJson.redFlag(TODAY.minusDays(1)));
        String referral = report(ReportJson.contractExample(TODAY.minusDays(25))
                .withSymptoms("TINGLING_LEGS", "STIFFNESS")
                .withHistory("homeCareTried", true));
        awaitJson(billing, "/api/v1/episodes/" + emergency + "/estimate");
        awaitList(scheduling, "/api/v1/episodes/" + referral + "/appointments", list -> types(list)
                .containsAll(List.of("IMAGING_MRI", "SPECIALIST_VISIT")));

        for (String episodeId : List.of(emergency, referral)) {
            String path = "/fhir/r4/EpisodeOfCare/" + episodeId + "/$everything";
            String everything = await().atMost(SETTLE)
                    .until(
                            () -> clinicView.get(path),
                            response -> response.status() == 200
                                    && response.body().contains("\"CarePlan\"")
                                    && (episodeId.equals(emergency)
                                            ? response.body().contains("\"Flag\"")
                                            : response.body().contains("\"Appointment\"")))
                    .body();
            assertThat(validationErrors(everything)).as(episodeId).isEmpty();
        }
        String appointments = clinicView
                .get("/fhir/r4/Appointment?date=ge" + TODAY + "&date=lt" + TODAY.plusDays(30) + "&_count=200")
                .body();
        assertThat(validationErrors(appointments)).isEmpty();
        String active =
                clinicView.get("/fhir/r4/EpisodeOfCare?status=active&_count=50").body();
        assertThat(validationErrors(active)).isEmpty();
    }

    /** HAPI's instance validator against base R4: the errors and fatal errors, each with its location. */
    private static List<String> validationErrors(String json) {
        FhirValidator validator = FHIR.newValidator()
                .registerValidatorModule(new FhirInstanceValidator(new ValidationSupportChain(
                        new DefaultProfileValidationSupport(FHIR),
                        new CommonCodeSystemsTerminologyService(FHIR),
                        new InMemoryTerminologyServerValidationSupport(FHIR))));
        return validator.validateWithResult(json).getMessages().stream()
                .filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR
                        || message.getSeverity() == ResultSeverityEnum.FATAL)
                .map(message -> message.getLocationString() + ": " + message.getMessage())
                .toList();
    }

    private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    @Test
    void badInputAndUnknownEpisodesGetClearAnswers() {
        var bad = intake.post(
                "/api/v1/episodes",
                ReportJson.contractExample(TODAY).with("painScore", 11).json());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asString()).isEqualTo("painScore");

        for (HttpJson service : List.of(intake, triage, billing)) {
            assertThat(service.get("/api/v1/episodes/no-such-episode" + suffix(service))
                            .status())
                    .isEqualTo(404);
        }
        for (CarepathService service : CarepathService.values()) {
            var readiness = client(service, "clinician").anonymous().get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void aPatientTokenFromTheLocalIssuerReachesOnlyThatPatientsEpisodes() {
        String mrn = "MRN-E2E-" + java.util.UUID.randomUUID();
        String own = report(ReportJson.contractExample(TODAY.minusDays(1)).withPatient("mrn", mrn));
        String other = report(ReportJson.contractExample(TODAY.minusDays(1)));
        awaitJson(triage, "/api/v1/episodes/" + own + "/triage");
        awaitJson(triage, "/api/v1/episodes/" + other + "/triage");
        HttpJson patientAtTriage = triage.as(fleet.tokens().forPatient(mrn));
        HttpJson patientAtIntake = intake.as(fleet.tokens().forPatient(mrn));

        assertThat(patientAtTriage.get("/api/v1/episodes/" + own + "/triage").status())
                .isEqualTo(200);
        assertThat(patientAtIntake.get("/api/v1/episodes/" + own).status()).isEqualTo(200);
        assertThat(patientAtTriage.get("/api/v1/episodes/" + other + "/triage").status())
                .isEqualTo(404);
        assertThat(patientAtIntake.get("/api/v1/episodes/" + other).status()).isEqualTo(404);
        assertThat(patientAtIntake
                        .post(
                                "/api/v1/episodes",
                                ReportJson.contractExample(TODAY).json())
                        .status())
                .isEqualTo(403);
        assertThat(intake.anonymous().get("/api/v1/episodes/" + own).status()).isEqualTo(401);
    }

    /**
     * The canary: an episode whose name and phone are strings found nowhere else goes through the whole pathway,
     * and a malformed record carrying them is dead-lettered; then no service's log and no dead letter's header
     * holds either string.
     */
    @Test
    void aPatientsNameAndPhoneAppearInNoLogAndNoDeadLetterHeader() throws IOException {
        String name = "Canary " + java.util.UUID.randomUUID();
        String phone = "+1212" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
        String episodeId = report(ReportJson.contractExample(TODAY.minusDays(1))
                .withPatient("name", name)
                .withPatient("contact", Map.of("channel", "SMS", "phone", phone)));
        awaitJson(billing, "/api/v1/episodes/" + episodeId + "/estimate");
        awaitList(scheduling, "/api/v1/episodes/" + episodeId + "/follow-ups", list -> !list.isEmpty());
        String poisonId = "canary-poison-" + java.util.UUID.randomUUID();
        try (TopicRecorder deadLetters = TopicRecorder.record(Topics.EPISODE_REPORTED.deadLetterTopic());
                TopicPublisher publisher = new TopicPublisher()) {
            publisher.publishRaw(
                    Topics.EPISODE_REPORTED,
                    poisonId,
                    poisonId,
                    "{\"episodeId\":\"" + poisonId + "\",\"patient\":{\"name\":\"" + name + "\",\"contact\":"
                            + "{\"phone\":\"" + phone + "\"}},\"painScore\":\"" + name + "\"}");
            var deadLetter = await().atMost(SETTLE)
                    .until(() -> deadLetters.records(record -> poisonId.equals(record.key())), list -> !list.isEmpty())
                    .get(0);
            assertThat(deadLetter.headers().values()).noneMatch(value -> value.contains(name) || value.contains(phone));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }

        List<Path> logs;
        try (var files = java.nio.file.Files.walk(Path.of("").toAbsolutePath().resolve("target/e2e-logs"))) {
            logs = files.filter(java.nio.file.Files::isRegularFile).toList();
        }
        assertThat(logs).isNotEmpty();
        for (Path log : logs) {
            String text = java.nio.file.Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(text).as(log.toString()).doesNotContain(name).doesNotContain(phone);
        }
    }

    private static String suffix(HttpJson service) {
        if (service == triage) {
            return "/triage";
        }
        return service == billing ? "/estimate" : "";
    }

    private static String report(ReportJson report) {
        var response = intake.post("/api/v1/episodes", report.json());
        assertThat(response.status()).isEqualTo(202);
        return response.json().get("episodeId").asString();
    }

    private static JsonNode awaitJson(HttpJson service, String path) {
        return await().atMost(SETTLE)
                .until(() -> service.get(path), response -> response.status() == 200)
                .json();
    }

    private static JsonNode awaitList(HttpJson service, String path, java.util.function.Predicate<JsonNode> settled) {
        return await().atMost(SETTLE)
                .until(() -> service.get(path), response -> response.status() == 200 && settled.test(response.json()))
                .json();
    }

    private static List<String> kinds(JsonNode list) {
        return values(list, "kind");
    }

    private static List<String> types(JsonNode list) {
        return values(list, "type");
    }

    private static List<String> cpts(JsonNode list) {
        return values(list, "cpt");
    }

    private static List<String> values(JsonNode list, String field) {
        List<String> values = new ArrayList<>();
        list.forEach(item -> values.add(item.get(field).asString()));
        return values;
    }

    private static JsonNode find(JsonNode appointments, String type) {
        for (JsonNode appointment : appointments) {
            if (appointment.get("type").asString().equals(type)) {
                return appointment;
            }
        }
        throw new AssertionError("no " + type + " appointment");
    }

    private static HttpJson client(CarepathService service, String role) {
        return new HttpJson(fleet.baseUrl(service).toString()).as(fleet.tokens().forRole(role));
    }

    /** Ports of our own, so a local stack running on the contract's ports does not get in the way. */
    private static Map<CarepathService, Integer> freePorts() {
        Map<CarepathService, Integer> ports = new EnumMap<>(CarepathService.class);
        for (CarepathService service : CarepathService.values()) {
            try (ServerSocket socket = new ServerSocket(0)) {
                ports.put(service, socket.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ports;
    }
}
