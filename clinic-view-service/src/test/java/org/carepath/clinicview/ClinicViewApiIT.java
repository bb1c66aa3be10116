package org.carepath.clinicview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.carepath.clinicview.figures.ClinicDays;
import org.carepath.events.PathwayTopic;
import org.carepath.events.Topics;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.FollowUpState;
import org.carepath.events.scheduling.Specialty;
import org.carepath.events.triage.Disposition;
import org.carepath.testing.FullScans;
import org.carepath.testing.HttpJson;
import org.carepath.testing.HttpJson.Response;
import org.carepath.testing.TestTokens;
import org.carepath.testing.TopicPublisher;
import org.carepath.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The clinic view's APIs against the real broker and store: pathway events published on the topics show in the
 * overview, the worklist and the appointment export; a redelivery changes no count; a bad record is dead-lettered
 * and counted; the reads scan no collection; access is the contract's.
 */
class ClinicViewApiIT extends RunningClinicView {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static TopicPublisher pathway;
    private static TopicRecorder deadLetters;

    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    static void kafka() {
        pathway = new TopicPublisher();
        deadLetters = TopicRecorder.record(Topics.TRIAGE_DECIDED.deadLetterTopic());
    }

    @AfterAll
    static void close() throws InterruptedException {
        pathway.close();
        deadLetters.close();
    }

    private final Instant now = Instant.now();
    private final LocalDate tomorrow = ClinicDays.dateOf(now).plusDays(1);
    private final Instant tomorrowAt10 =
            tomorrow.atTime(LocalTime.of(10, 0)).atZone(ClinicDays.ZONE).toInstant();

    @Test
    void pathwayEventsShowInTheOverviewTheWorklistAndTheExportAndRedeliveryCountsOnce() {
        SampleEvents emergency = new SampleEvents(UUID.randomUUID().toString(), now, Region.QUEENS);
        SampleEvents booked = new SampleEvents(UUID.randomUUID().toString(), now, Region.NASSAU);
        String appointmentId = "appt-" + booked.episodeId();
        List<Published<?>> events = new ArrayList<>();
        events.add(published(Topics.EPISODE_REPORTED, emergency.episodeId(), emergency.reported()));
        events.add(published(
                Topics.TRIAGE_DECIDED, emergency.episodeId(), emergency.decided(1, Disposition.EMERGENCY, "ER-1")));
        events.add(published(Topics.EPISODE_REPORTED, booked.episodeId(), booked.reported()));
        events.add(published(
                Topics.TRIAGE_DECIDED,
                booked.episodeId(),
                booked.decided(1, Disposition.CONSERVATIVE_CARE, "CL-ACUTE")));
        events.add(published(
                Topics.APPOINTMENT_BOOKED,
                booked.episodeId(),
                booked.booked(appointmentId, "nassau-clinic", tomorrowAt10, AppointmentType.SPECIALIST_VISIT)));
        events.add(published(
                Topics.APPOINTMENT_WAITLISTED,
                booked.episodeId(),
                booked.waitlisted(AppointmentType.PT_EVALUATION, Specialty.PHYSICAL_THERAPY)));
        events.add(published(
                Topics.FOLLOWUP_UPDATED,
                booked.episodeId(),
                booked.followUp("fu-" + booked.episodeId(), now, FollowUpState.PENDING)));
        events.add(published(Topics.ESTIMATE_PRODUCED, booked.episodeId(), booked.estimated(1, "45.10")));
        events.forEach(Published::publish);

        JsonNode overview = await().atMost(PATIENCE)
                .until(
                        this::overview,
                        figures -> hasEmergency(figures, emergency)
                                && bookedAt(figures, "nassau-clinic", tomorrow) >= 1
                                && worklist("?disposition=CONSERVATIVE_CARE&size=200")
                                        .toString()
                                        .contains(booked.episodeId())
                                && worklist("").toString().contains("\"payer\":\"MEDICARE\"")
                                && figures.get("waitlistTotal").asInt() >= 1);

        JsonNode row = openEmergency(overview, emergency);
        assertThat(row.get("region").asString()).isEqualTo("QUEENS");
        assertThat(row.get("rules").toString()).contains("ER-1");
        assertThat(overview.get("waitlistTotal").asInt()).isPositive();
        assertThat(overview.get("today").get("byDisposition").get("EMERGENCY").asInt())
                .isPositive();
        JsonNode export = clinicView()
                .as(TestTokens.get().forRole("staff"))
                .get("/api/v1/appointments?siteId=nassau-clinic&from=" + tomorrow)
                .json();
        assertThat(export.toString()).contains(appointmentId, "SPECIALIST_VISIT", "BOOKED");

        JsonNode before = countsOf(overview);
        List<String> worklistBefore = episodeIds(worklist("?size=200"));
        events.forEach(Published::publish);
        events.forEach(Published::publish);
        await().during(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> countsOf(overview())
                .equals(before));
        assertThat(episodeIds(worklist("?size=200"))).isEqualTo(worklistBefore);
    }

    @Test
    void aCancelledAppointmentLeavesTheGridAndStaysInTheExportAsCancelled() {
        SampleEvents episode = new SampleEvents(UUID.randomUUID().toString(), now, Region.BRONX);
        String appointmentId = "appt-" + episode.episodeId();
        Instant start = tomorrowAt10.plusSeconds(3_600);
        pathway.publish(
                Topics.APPOINTMENT_BOOKED,
                episode.episodeId(),
                episode.booked(appointmentId, "bronx-clinic", start, AppointmentType.SPECIALIST_VISIT));
        await().atMost(PATIENCE).until(() -> exported("bronx-clinic").contains(appointmentId + "\",\"episodeId"));
        int bookedBefore = bookedAt(overview(), "bronx-clinic", tomorrow);

        pathway.publish(Topics.APPOINTMENT_CANCELLED, episode.episodeId(), episode.cancelled(appointmentId));

        await().atMost(PATIENCE).until(() -> bookedAt(overview(), "bronx-clinic", tomorrow) == bookedBefore - 1);
        assertThat(exported("bronx-clinic")).contains("CANCELLED");
    }

    @Test
    void aRecordThatCannotBeReadIsDeadLetteredAloneAndCounted() {
        SampleEvents after = new SampleEvents(UUID.randomUUID().toString(), now, Region.MANHATTAN);
        String badEventId = UUID.randomUUID().toString();
        pathway.publishRaw(Topics.TRIAGE_DECIDED, badEventId, after.episodeId(), "{not json");
        pathway.publish(Topics.EPISODE_REPORTED, after.episodeId(), after.reported());

        await().atMost(PATIENCE).until(() -> !deadLetters
                .records(record -> badEventId.equals(record.header("ce_id")))
                .isEmpty());
        assertThat(deadLetters.records(record -> badEventId.equals(record.header("ce_id"))))
                .singleElement()
                .satisfies(
                        record -> assertThat(record.header("x-consumer-group")).isEqualTo("clinic-view-service"));
        await().atMost(PATIENCE).until(() -> worklist("?size=200").toString().contains(after.episodeId()));
        await().atMost(PATIENCE)
                .until(() -> overview().get("deadLetters").toString().contains("carepath.triage.decided"));
    }

    @Test
    void theReadsScanNoCollection() {
        FullScans scans = FullScans.in(mongo);

        overview();
        worklist("?from=" + ClinicDays.dateOf(now).minusDays(30) + "&disposition=EMERGENCY");
        exported("queens-clinic");
        clinicView().as(TestTokens.get().forRole("staff")).get("/api/v1/appointments");

        assertThat(scans.since()).isEmpty();
    }

    @Test
    void noAnswerCarriesPatientData() {
        SampleEvents episode = new SampleEvents(UUID.randomUUID().toString(), now, Region.BROOKLYN);
        pathway.publish(Topics.EPISODE_REPORTED, episode.episodeId(), episode.reported());
        pathway.publish(
                Topics.FOLLOWUP_DUE, episode.episodeId(), episode.followUpDue("fu-" + episode.episodeId(), now));
        await().atMost(PATIENCE).until(() -> worklist("?size=200").toString().contains(episode.episodeId()));

        String answers = overview().toString() + worklist("?size=200") + exported("brooklyn-clinic");

        assertThat(answers)
                .doesNotContain(SampleEvents.SECRET_NAME)
                .doesNotContain(SampleEvents.SECRET_MRN)
                .doesNotContain(SampleEvents.SECRET_PHONE)
                .doesNotContain("1950-03-04");
    }

    @Test
    void badQueriesAreProblemsNamingTheField() {
        HttpJson operations = clinicView().as(TestTokens.get().forRole("operations"));

        assertProblem(operations.get("/api/v1/overview?from=yesterday"), "from");
        assertProblem(operations.get("/api/v1/overview?from=2026-12-10&to=2026-12-01"), "to");
        assertProblem(operations.get("/api/v1/overview?from=2026-01-01&to=2026-12-31"), "to");
        assertProblem(operations.get("/api/v1/overview?from=1000000000-01-01"), "from");
        assertProblem(operations.get("/api/v1/episodes?size=0"), "size");
        assertProblem(operations.get("/api/v1/episodes?page=-1"), "page");
        assertProblem(operations.get("/api/v1/episodes?disposition=SURGERY"), "disposition");
        assertProblem(operations.get("/api/v1/episodes?status=open"), "status");
        assertProblem(operations.get("/api/v1/appointments?siteId=mars-clinic"), "siteId");
    }

    @Test
    void accessIsTheContracts() {
        TestTokens tokens = TestTokens.get();

        assertThat(clinicView().anonymous().get("/api/v1/overview").status()).isEqualTo(401);
        assertThat(clinicView()
                        .as(tokens.expired("operations"))
                        .get("/api/v1/overview")
                        .status())
                .isEqualTo(401);
        assertThat(clinicView()
                        .as(tokens.patient("MRN-1"))
                        .get("/api/v1/overview")
                        .status())
                .isEqualTo(403);
        assertThat(clinicView()
                        .as(tokens.forRole("staff"))
                        .get("/api/v1/overview")
                        .status())
                .isEqualTo(403);
        assertThat(clinicView()
                        .as(tokens.forRole("operations"))
                        .get("/api/v1/overview")
                        .status())
                .isEqualTo(200);
        assertThat(clinicView()
                        .as(tokens.forRole("clinician"))
                        .get("/api/v1/episodes")
                        .status())
                .isEqualTo(200);
        assertThat(clinicView()
                        .as(tokens.forRole("staff"))
                        .get("/api/v1/episodes")
                        .status())
                .isEqualTo(200);
        assertThat(clinicView()
                        .as(tokens.forRole("integration"))
                        .get("/api/v1/episodes")
                        .status())
                .isEqualTo(403);
        assertThat(clinicView()
                        .as(tokens.patient("MRN-1"))
                        .get("/api/v1/episodes")
                        .status())
                .isEqualTo(403);
        assertThat(clinicView()
                        .as(tokens.forRole("clinician"))
                        .get("/api/v1/appointments")
                        .status())
                .isEqualTo(403);
        assertThat(clinicView()
                        .as(tokens.forRole("operations"))
                        .get("/api/v1/appointments")
                        .status())
                .isEqualTo(200);
    }

    private static void assertProblem(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains(field);
    }

    private JsonNode overview() {
        return clinicView()
                .as(TestTokens.get().forRole("operations"))
                .get("/api/v1/overview")
                .json();
    }

    private JsonNode worklist(String query) {
        return clinicView()
                .as(TestTokens.get().forRole("clinician"))
                .get("/api/v1/episodes" + query)
                .json();
    }

    private String exported(String siteId) {
        return clinicView()
                .as(TestTokens.get().forRole("operations"))
                .get("/api/v1/appointments?siteId=" + siteId)
                .body();
    }

    private static boolean hasEmergency(JsonNode overview, SampleEvents episode) {
        return openEmergency(overview, episode) != null;
    }

    private static JsonNode openEmergency(JsonNode overview, SampleEvents episode) {
        for (JsonNode emergency : overview.get("openEmergencies")) {
            if (emergency.get("episodeId").asString().equals(episode.episodeId())) {
                return emergency;
            }
        }
        return null;
    }

    private static int bookedAt(JsonNode overview, String siteId, LocalDate date) {
        for (JsonNode site : overview.get("appointments").get("sites")) {
            if (site.get("siteId").asString().equals(siteId)) {
                for (JsonNode day : site.get("days")) {
                    if (day.get("date").asString().equals(date.toString())) {
                        return day.get("booked").asInt();
                    }
                }
            }
        }
        return 0;
    }

    /** Everything the overview counts, without its clock. */
    private static JsonNode countsOf(JsonNode overview) {
        ObjectNode counts = (ObjectNode) overview.deepCopy();
        counts.remove("generatedAt");
        return counts;
    }

    private static List<String> episodeIds(JsonNode worklist) {
        List<String> ids = new ArrayList<>();
        worklist.get("episodes").forEach(entry -> ids.add(entry.get("episodeId").asString()));
        return ids;
    }

    private record Published<T>(PathwayTopic<T> topic, String eventId, String episodeId, T payload) {

        void publish() {
            pathway.publish(topic, eventId, episodeId, payload);
        }
    }

    private static <T> Published<T> published(PathwayTopic<T> topic, String episodeId, T payload) {
        return new Published<>(topic, UUID.randomUUID().toString(), episodeId, payload);
    }
}
