package org.carepath.billing.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.carepath.billing.RunningBillingService;
import org.carepath.events.Topics;
import org.carepath.events.triage.TriageDecided;
import org.carepath.testing.FullScans;
import org.carepath.testing.HttpJson;
import org.carepath.testing.TopicPublisher;
import org.carepath.testing.TopicRecorder;
import org.carepath.testing.TopicRecorder.RecordedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Episode estimates through Kafka: a decision and the appointments booked for it make estimate versions, each
 * published once on carepath.estimate.produced; redelivery changes nothing; bad records are dead-lettered.
 */
class EpisodeEstimatesIT extends RunningBillingService {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static TopicRecorder published;
    private static TopicPublisher pathway;

    @Autowired
    EpisodeRepository episodes;

    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    static void kafka() {
        published = TopicRecorder.record(
                Topics.ESTIMATE_PRODUCED.name(),
                Topics.APPOINTMENT_BOOKED.deadLetterTopic(),
                Topics.TRIAGE_DECIDED.deadLetterTopic());
        pathway = new TopicPublisher();
    }

    @AfterAll
    static void close() throws InterruptedException {
        pathway.close();
        published.close();
    }

    @Test
    void aDecisionThenABookingProduceTwoVersionsEachPublishedOnceAndRedeliveryAddsNothing() {
        String episodeId = UUID.randomUUID().toString();
        String decisionEventId = UUID.randomUUID().toString();
        String bookingEventId = UUID.randomUUID().toString();
        var decision = PathwayEvents.surgicalDecision(episodeId, 1, PathwayEvents.DISCECTOMY);
        var booking = PathwayEvents.surgicalConsult(episodeId, "appt-" + episodeId);

        pathway.publish(Topics.TRIAGE_DECIDED, decisionEventId, episodeId, decision);
        JsonNode v1 = awaitVersion(episodeId, 1);
        pathway.publish(Topics.APPOINTMENT_BOOKED, bookingEventId, episodeId, booking);
        JsonNode v2 = awaitVersion(episodeId, 2);
        pathway.publish(Topics.TRIAGE_DECIDED, decisionEventId, episodeId, decision);
        pathway.publish(Topics.APPOINTMENT_BOOKED, bookingEventId, episodeId, booking);
        // The same appointment under a new event id is still one line.
        pathway.publish(Topics.APPOINTMENT_BOOKED, episodeId, booking);
        awaitEstimatesPublished(marker(), 1);

        assertThat(cpts(v1)).containsExactly("63030");
        assertThat(v1.get("lines").get(0).get("source").asString()).isEqualTo("CANDIDATE_PROCEDURE");
        assertThat(v1.get("lines").get(0).get("supplementalPays").decimalValue())
                .isEqualByComparingTo("225.06");
        // B-ORDER: the booked consult first, the candidate procedure after it; B-CAND: totals over the booked line
        assertThat(cpts(v2)).containsExactly("99204", "63030");
        assertThat(v2.get("totals").get("allowed").decimalValue()).isEqualByComparingTo("177.36");
        assertThat(v2.get("candidateTotals").get("allowed").decimalValue()).isEqualByComparingTo("1125.30");
        assertThat(v2.get("lines").get(0).get("serviceDate").isString()).isTrue();
        assertThat(v2.get("rules").toString()).contains("B-ORDER", "B-CAND");
        assertThat(billing().get(history(episodeId)).json()).hasSize(2);
        List<RecordedEvent> events = awaitEstimatesPublished(episodeId, 2);
        assertThat(events)
                .extracting(event -> event.header("ce_id"))
                .containsExactly(episodeId + ":estimate:v1", episodeId + ":estimate:v2");
        assertThat(events.get(1).headers())
                .containsEntry("ce_type", "carepath.estimate.produced.v1")
                .containsEntry("ce_source", "/billing-service")
                .containsEntry("ce_subject", episodeId);
        assertThat(HttpJson.parse(events.get(1).value()).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void aCancellationProducesAVersionWithoutThatLine() {
        String episodeId = UUID.randomUUID().toString();
        String appointmentId = "appt-" + episodeId;
        pathway.publish(
                Topics.TRIAGE_DECIDED,
                episodeId,
                PathwayEvents.surgicalDecision(episodeId, 1, PathwayEvents.DISCECTOMY));
        pathway.publish(Topics.APPOINTMENT_BOOKED, episodeId, PathwayEvents.surgicalConsult(episodeId, appointmentId));
        // The decision and the booking travel on two topics: either may be consumed first, so the version that
        // holds both lines is v1 or v2.
        int withBoth = awaitVersionWithLines(episodeId, 2).get("version").asInt();

        pathway.publish(Topics.APPOINTMENT_CANCELLED, episodeId, PathwayEvents.cancelled(episodeId, appointmentId));

        JsonNode next = awaitVersion(episodeId, withBoth + 1);
        assertThat(cpts(next)).containsExactly("63030");
    }

    @Test
    void anAppointmentBookedBeforeAnyDecisionIsPricedWhenTheDecisionArrives() {
        String episodeId = UUID.randomUUID().toString();
        pathway.publish(
                Topics.APPOINTMENT_BOOKED, episodeId, PathwayEvents.surgicalConsult(episodeId, "appt-" + episodeId));
        await().atMost(PATIENCE).until(() -> episodes.findById(episodeId)
                .map(document -> !document.account().booked().isEmpty())
                .orElse(false));
        assertThat(billing().get(current(episodeId)).status()).isEqualTo(404);

        pathway.publish(
                Topics.TRIAGE_DECIDED,
                episodeId,
                PathwayEvents.surgicalDecision(episodeId, 1, PathwayEvents.DISCECTOMY));

        JsonNode v1 = awaitVersion(episodeId, 1);
        assertThat(cpts(v1)).containsExactly("99204", "63030");
        assertThat(v1.get("lines").get(0).get("source").asString()).isEqualTo("APPOINTMENT");
    }

    @Test
    void anOlderDecisionArrivingLateChangesNothing() {
        String episodeId = UUID.randomUUID().toString();
        pathway.publish(
                Topics.TRIAGE_DECIDED,
                episodeId,
                PathwayEvents.surgicalDecision(episodeId, 2, PathwayEvents.CHEMODENERVATION));
        awaitVersion(episodeId, 1);

        pathway.publish(
                Topics.TRIAGE_DECIDED,
                episodeId,
                PathwayEvents.surgicalDecision(episodeId, 1, PathwayEvents.DISCECTOMY));
        awaitEstimatesPublished(marker(), 1);

        JsonNode history = billing().get(history(episodeId)).json();
        assertThat(history).hasSize(1);
        assertThat(cpts(history.get(0))).containsExactly("64646");
    }

    @Test
    void aRecordThatCannotBeReadGoesToTheDeadLetterTopicWithTheReasonAndDoesNotBlockThePartition() {
        String episodeId = UUID.randomUUID().toString();

        pathway.publishRaw(
                Topics.APPOINTMENT_BOOKED,
                UUID.randomUUID().toString(),
                episodeId,
                "{\"appointmentId\": \"a-1\", \"episodeId\": \"" + episodeId + "\", \"start\": \"tomorrow\"}");
        pathway.publish(
                Topics.TRIAGE_DECIDED,
                episodeId,
                PathwayEvents.surgicalDecision(episodeId, 1, PathwayEvents.DISCECTOMY));
        pathway.publish(
                Topics.APPOINTMENT_BOOKED, episodeId, PathwayEvents.surgicalConsult(episodeId, "appt-" + episodeId));

        awaitVersionWithLines(episodeId, 2);
        RecordedEvent dead = await().atMost(PATIENCE)
                .until(
                        () -> published.records(
                                event -> event.topic().equals(Topics.APPOINTMENT_BOOKED.deadLetterTopic())
                                        && event.isAbout(episodeId)),
                        records -> !records.isEmpty())
                .get(0);
        assertThat(dead.header("x-exception-message")).contains("start");
    }

    @Test
    void aBatchWithOnePoisonRecordAppliesTheOthersAndDeadLettersOnlyThatOneNamingTheConsumerGroup() {
        // given: one key, so the records share a partition and come in this order (in one batch when polled together)
        String key = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String last = UUID.randomUUID().toString();

        // when
        pathway.publish(Topics.TRIAGE_DECIDED, key, PathwayEvents.surgicalDecision(first, 1, PathwayEvents.DISCECTOMY));
        pathway.publish(Topics.TRIAGE_DECIDED, key, PathwayEvents.surgicalDecision(null, 1, PathwayEvents.DISCECTOMY));
        pathway.publish(
                Topics.TRIAGE_DECIDED, key, PathwayEvents.surgicalDecision(second, 1, PathwayEvents.DISCECTOMY));
        pathway.publish(Topics.TRIAGE_DECIDED, key, PathwayEvents.surgicalDecision(last, 1, PathwayEvents.DISCECTOMY));

        // then: the last one priced means everything before it on the partition was dealt with
        awaitVersion(first, 1);
        awaitVersion(second, 1);
        awaitVersion(last, 1);
        List<RecordedEvent> dead = published.records(
                event -> event.topic().equals(Topics.TRIAGE_DECIDED.deadLetterTopic()) && key.equals(event.key()));
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).header("x-exception-message")).contains("payload has no episodeId");
        assertThat(dead.get(0).header("x-consumer-group")).isEqualTo("billing-service");
        assertThat(dead.get(0).header("x-original-topic")).isEqualTo(Topics.TRIAGE_DECIDED.name());
        assertThat(estimatesPublished(first)).hasSize(1);
        assertThat(estimatesPublished(second)).hasSize(1);
    }

    @Test
    void aDeadLetterIsListedWithItsReasonAndReplayedThroughTheConsumerOnce() {
        // given: a decision that can never be priced, dead-lettered
        String key = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        pathway.publish(
                Topics.TRIAGE_DECIDED, eventId, key, PathwayEvents.surgicalDecision(null, 1, PathwayEvents.DISCECTOMY));
        await().atMost(PATIENCE).until(() -> deadLetters(key).size() == 1);
        JsonNode listed = deadLetterTopic(Topics.TRIAGE_DECIDED.deadLetterTopic());
        assertThat(listed.get("eventIds").toString()).contains(eventId);
        assertThat(listed.get("reasons").has("payload has no episodeId")).isTrue();
        assertThat(listed.get("oldest").isNull()).isFalse();

        // when
        HttpJson.Response replayed = billing()
                .post(
                        "/api/v1/admin/dead-letters/replay",
                        "{\"topic\": \"" + Topics.TRIAGE_DECIDED.deadLetterTopic() + "\", \"ids\": [\"" + eventId
                                + "\"]}");

        // then: it went through the consumer again (and, still unpriceable, came back once), and is listed once
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("replayed").toString()).contains(eventId);
        await().atMost(PATIENCE).until(() -> deadLetters(key).size() == 2);
        JsonNode after = deadLetterTopic(Topics.TRIAGE_DECIDED.deadLetterTopic());
        assertThat(occurrences(after.get("eventIds").toString(), eventId)).isEqualTo(1);
        assertThat(billing()
                        .post("/api/v1/admin/dead-letters/replay", "{\"topic\": \"carepath.unknown.dlq\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void anEpisodeIsEstimatedBookedAndCancelledWithoutReadingAnyCollectionWhole() {
        // given: a first estimate, so that the relay's start-up recovery sweep (which may scan) is long done
        awaitVersion(marker(), 1);
        FullScans scans = FullScans.in(mongo);
        String episodeId = UUID.randomUUID().toString();
        String appointmentId = "appt-" + episodeId;

        // when
        pathway.publish(
                Topics.TRIAGE_DECIDED,
                episodeId,
                PathwayEvents.surgicalDecision(episodeId, 1, PathwayEvents.DISCECTOMY));
        awaitVersion(episodeId, 1);
        pathway.publish(Topics.APPOINTMENT_BOOKED, episodeId, PathwayEvents.surgicalConsult(episodeId, appointmentId));
        awaitVersion(episodeId, 2);
        pathway.publish(Topics.APPOINTMENT_CANCELLED, episodeId, PathwayEvents.cancelled(episodeId, appointmentId));
        awaitVersion(episodeId, 3);
        awaitEstimatesPublished(episodeId, 3);

        // then
        assertThat(scans.since()).as("collections read whole").isEmpty();
    }

    static Stream<Arguments> decisionsThatCannotBeApplied() {
        return Stream.of(
                arguments(
                        "no episodeId",
                        PathwayEvents.surgicalDecision(null, 1, PathwayEvents.DISCECTOMY),
                        "payload has no episodeId"),
                arguments(
                        "a negative deductible",
                        PathwayEvents.surgicalDecision(
                                "episode-with-bad-coverage",
                                1,
                                PathwayEvents.medicareWithNegativeDeductible(),
                                PathwayEvents.DISCECTOMY),
                        "coverage.partBDeductibleRemaining must not be negative"));
    }

    @ParameterizedTest(name = "a decision with {0} is dead-lettered")
    @MethodSource("decisionsThatCannotBeApplied")
    void aDecisionThatCannotBeAppliedIsDeadLetteredWithTheReason(
            String example, TriageDecided decision, String reason) {
        String key = UUID.randomUUID().toString();

        pathway.publish(Topics.TRIAGE_DECIDED, key, decision);

        RecordedEvent dead = await().atMost(PATIENCE)
                .until(
                        () -> published.records(event ->
                                event.topic().equals(Topics.TRIAGE_DECIDED.deadLetterTopic()) && event.isAbout(key)),
                        records -> !records.isEmpty())
                .get(0);
        assertThat(dead.header("x-exception-message")).contains(reason);
    }

    @Test
    void anUnknownEpisodeHasNoEstimate() {
        assertThat(billing().get(current("unknown")).status()).isEqualTo(404);
        assertThat(billing().get(history("unknown")).status()).isEqualTo(404);
    }

    private List<RecordedEvent> deadLetters(String key) {
        return published.records(
                event -> event.topic().equals(Topics.TRIAGE_DECIDED.deadLetterTopic()) && key.equals(event.key()));
    }

    private JsonNode deadLetterTopic(String topic) {
        for (JsonNode listed : billing().get("/api/v1/admin/dead-letters").json()) {
            if (listed.get("topic").asString().equals(topic)) {
                return listed;
            }
        }
        throw new AssertionError("no dead-letter topic " + topic + " listed");
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    /** A later episode's estimate: once it is published, anything the events before it caused would be too. */
    private String marker() {
        String marker = UUID.randomUUID().toString();
        pathway.publish(
                Topics.TRIAGE_DECIDED, marker, PathwayEvents.surgicalDecision(marker, 1, PathwayEvents.DISCECTOMY));
        return marker;
    }

    private List<RecordedEvent> awaitEstimatesPublished(String episodeId, int count) {
        await().atMost(PATIENCE).until(() -> estimatesPublished(episodeId).size() >= count);
        return estimatesPublished(episodeId);
    }

    private List<RecordedEvent> estimatesPublished(String episodeId) {
        return published.records(
                event -> event.topic().equals(Topics.ESTIMATE_PRODUCED.name()) && event.isAbout(episodeId));
    }

    private JsonNode awaitVersion(String episodeId, int version) {
        return await().atMost(PATIENCE)
                .until(
                        () -> billing().get(current(episodeId)),
                        response -> response.status() == 200
                                && response.json().get("version").asInt() == version)
                .json();
    }

    /** The decision and the booking travel on two topics: either may be priced first, but both end on one version. */
    private JsonNode awaitVersionWithLines(String episodeId, int lines) {
        return await().atMost(PATIENCE)
                .until(
                        () -> billing().get(current(episodeId)),
                        response -> response.status() == 200
                                && response.json().get("lines").size() == lines)
                .json();
    }

    private static List<String> cpts(JsonNode estimate) {
        List<String> cpts = new ArrayList<>();
        estimate.get("lines").forEach(line -> cpts.add(line.get("cpt").asString()));
        return cpts;
    }

    private static String current(String episodeId) {
        return "/api/v1/episodes/" + episodeId + "/estimate";
    }

    private static String history(String episodeId) {
        return current(episodeId) + "/history";
    }
}
