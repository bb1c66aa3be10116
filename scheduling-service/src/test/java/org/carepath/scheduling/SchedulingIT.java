package org.carepath.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.carepath.scheduling.EpisodeDecisions.decided;
import static org.carepath.scheduling.EpisodeDecisions.newEpisodeId;
import static org.carepath.scheduling.EpisodeDecisions.version;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.carepath.events.Topics;
import org.carepath.events.intake.Contact;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.triage.EpisodeContext;
import org.carepath.events.triage.TriageDecided;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.scheduling.directory.ClinicTime;
import org.carepath.testing.FullScans;
import org.carepath.testing.HttpJson;
import org.carepath.testing.TestInfrastructure;
import org.carepath.testing.TopicPublisher;
import org.carepath.testing.TopicRecorder;
import org.carepath.testing.TopicRecorder.RecordedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Scheduling through Kafka and REST against the real broker and the MongoDB wire server: decisions book and plan
 * follow-ups, follow-ups go out when due, replays book nothing more, online booking, the waitlist, bad records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(TestClock.class)
class SchedulingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static TopicRecorder published;
    private static TopicPublisher triage;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    ScheduleClient scheduling;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @BeforeAll
    static void kafka() {
        published = TopicRecorder.record(
                Topics.APPOINTMENT_BOOKED.name(),
                Topics.APPOINTMENT_CANCELLED.name(),
                Topics.APPOINTMENT_WAITLISTED.name(),
                Topics.FOLLOWUP_DUE.name(),
                Topics.FOLLOWUP_UPDATED.name(),
                Topics.TRIAGE_DECIDED.deadLetterTopic());
        triage = new TopicPublisher();
    }

    @AfterAll
    static void close() throws InterruptedException {
        triage.close();
        published.close();
    }

    @BeforeEach
    void client() {
        scheduling = new ScheduleClient(port);
    }

    static Stream<Arguments> dispositions() {
        return Stream.of(
                argumentSet(
                        "BK-CC: the recommended X-ray within 5 days, a PT evaluation within 7",
                        Decisions.withImaging(Decisions.conservativeCareWithPhysicalTherapy(), Decisions.xray()),
                        1,
                        List.of(AppointmentType.IMAGING_XRAY, AppointmentType.PT_EVALUATION),
                        List.of(5, 7),
                        false),
                argumentSet(
                        "BK-SP: the MRI within 5 days, then the specialist within 7, a business day after it",
                        Decisions.specialistReferralWithMri(),
                        2,
                        List.of(AppointmentType.IMAGING_MRI, AppointmentType.SPECIALIST_VISIT),
                        List.of(5, 7),
                        true),
                argumentSet(
                        "BK-SU: the CT (IM-CT), then the surgical consult within 14 days",
                        Decisions.surgicalConsultWithCt(),
                        3,
                        List.of(AppointmentType.IMAGING_CT, AppointmentType.SURGICAL_CONSULT),
                        List.of(5, 14),
                        true),
                argumentSet(
                        "BK-CH: the chemodenervation consult within 14 days",
                        Decisions.chemodenervationConsult(),
                        4,
                        List.of(AppointmentType.CHEMODENERVATION_CONSULT),
                        List.of(14),
                        false));
    }

    @ParameterizedTest
    @MethodSource("dispositions")
    void aDecisionBooksWhatItsDispositionAsksForInOrderWithinItsWindowsAndPlansTheFollowUps(
            TriageDecided template,
            int epoch,
            List<AppointmentType> types,
            List<Integer> windowDays,
            boolean afterImaging) {
        // given: just after the quiet hours end (MSG-QUIET) and before the clinics' next slots, so that every
        // appointment lies ahead and gets a reminder
        Instant decidedAt = Epochs.at(epoch, 0, "09:01");
        TestClock.CLOCK.set(decidedAt);
        String episodeId = newEpisodeId();

        // when
        triage.publish(Topics.TRIAGE_DECIDED, episodeId, decided(template, episodeId, decidedAt));

        // then
        List<JsonNode> appointments = awaitAppointments(episodeId, types.size());
        assertThat(appointments)
                .extracting(appointment -> appointment.get("type").asString())
                .containsExactlyElementsOf(types.stream().map(Enum::name).toList());
        for (int i = 0; i < types.size(); i++) {
            JsonNode appointment = appointments.get(i);
            assertThat(instant(appointment, "start"))
                    .isAfterOrEqualTo(decidedAt)
                    .isBefore(ClinicTime.plusDays(decidedAt, windowDays.get(i)));
            assertThat(appointment.get("status").asString()).isEqualTo("BOOKED");
            assertThat(appointment.get("cpt").asString()).isEqualTo(types.get(i).cpt());
            assertThat(appointment.get("episodeId").asString()).isEqualTo(episodeId);
        }
        if (afterImaging) {
            assertThat(instant(appointments.get(1), "start"))
                    .isAfterOrEqualTo(ClinicTime.startOfNextBusinessDay(instant(appointments.get(0), "end")));
        }
        assertThat(scheduling.followUps(episodeId))
                .extracting(followUp -> followUp.get("kind").asString())
                .containsOnly("ICE_TO_HEAT", "TWO_WEEK_CHECK", "RECOVERY_CHECK", "APPOINTMENT_REMINDER")
                .hasSize(3 + types.size())
                .filteredOn("APPOINTMENT_REMINDER"::equals)
                .hasSize(types.size());
        List<RecordedEvent> booked = await().atMost(PATIENCE)
                .until(() -> events(Topics.APPOINTMENT_BOOKED.name(), episodeId), list -> list.size() == types.size());
        assertThat(booked)
                .extracting(event -> event.header("ce_id"))
                .containsExactlyInAnyOrderElementsOf(appointments.stream()
                        .map(appointment -> appointment.get("appointmentId").asString() + ":booked")
                        .toList());
        assertThat(booked).allSatisfy(event -> assertThat(event.headers())
                .containsEntry("ce_type", "carepath.appointment.booked.v1")
                .containsEntry("ce_source", "/scheduling-service")
                .containsEntry("ce_subject", episodeId));
    }

    @Test
    void anEmergencySendsTheInstructionAtOnceAndCancelsWhatIsPending() {
        // given
        Instant decidedAt = Epochs.start(5);
        TestClock.CLOCK.set(decidedAt);
        String episodeId = newEpisodeId();
        triage.publish(Topics.TRIAGE_DECIDED, episodeId, decided(Decisions.conservativeCare(), episodeId, decidedAt));
        awaitFollowUps(episodeId, 3);

        // when
        triage.publish(
                Topics.TRIAGE_DECIDED,
                episodeId,
                version(Decisions.emergency(), episodeId, decidedAt.plus(Duration.ofHours(2)), 2));

        // then
        RecordedEvent instruction = await().atMost(PATIENCE)
                .until(() -> events(Topics.FOLLOWUP_DUE.name(), episodeId), list -> !list.isEmpty())
                .get(0);
        JsonNode due = HttpJson.parse(instruction.value());
        assertThat(due.get("followUpId").asString()).isEqualTo(episodeId + ":EMERGENCY_INSTRUCTION:v2");
        assertThat(due.get("kind").asString()).isEqualTo("EMERGENCY_INSTRUCTION");
        assertThat(due.get("channel").asString()).isEqualTo("SMS");
        assertThat(due.get("to").asString()).isEqualTo(Decisions.PHONE);
        assertThat(due.get("message").asString()).contains("emergency room", "911");
        assertThat(instruction.headers())
                .containsEntry("ce_type", "carepath.followup.due.v1")
                .containsEntry("ce_id", episodeId + ":EMERGENCY_INSTRUCTION:v2:due");
        List<JsonNode> followUps = await().atMost(PATIENCE)
                .until(() -> scheduling.followUps(episodeId), list -> list.stream()
                        .anyMatch(followUp -> isSent(followUp)));
        assertThat(followUps)
                .extracting(followUp -> followUp.get("kind").asString() + " "
                        + followUp.get("status").asString())
                .containsExactlyInAnyOrder(
                        "ICE_TO_HEAT CANCELLED",
                        "TWO_WEEK_CHECK CANCELLED",
                        "RECOVERY_CHECK CANCELLED",
                        "EMERGENCY_INSTRUCTION SENT");
        assertThat(scheduling.appointments(episodeId)).isEmpty();
        // each state announced once on followup.updated, with no recipient or message (clinic-view's counts)
        List<RecordedEvent> updates = await().atMost(PATIENCE)
                .until(() -> events(Topics.FOLLOWUP_UPDATED.name(), episodeId), list -> list.size() >= 7);
        assertThat(updates)
                .extracting(update -> {
                    JsonNode state = HttpJson.parse(update.value());
                    return state.get("kind").asString() + " "
                            + state.get("status").asString();
                })
                .containsExactlyInAnyOrder(
                        "ICE_TO_HEAT PENDING",
                        "TWO_WEEK_CHECK PENDING",
                        "RECOVERY_CHECK PENDING",
                        "ICE_TO_HEAT CANCELLED",
                        "TWO_WEEK_CHECK CANCELLED",
                        "RECOVERY_CHECK CANCELLED",
                        "EMERGENCY_INSTRUCTION SENT");
        // by field and message text: a random episode id may itself contain "911"
        assertThat(updates).allSatisfy(update -> {
            JsonNode state = HttpJson.parse(update.value());
            assertThat(state.has("to")).isFalse();
            assertThat(state.has("message")).isFalse();
            assertThat(update.value()).doesNotContain(Decisions.PHONE).doesNotContain("emergency room");
        });
    }

    @Test
    void aRecoveredEpisodeHasItsPendingFollowUpsCancelledAndNothingBooked() {
        Instant decidedAt = Epochs.start(6);
        TestClock.CLOCK.set(decidedAt);
        String episodeId = newEpisodeId();
        triage.publish(Topics.TRIAGE_DECIDED, episodeId, decided(Decisions.conservativeCare(), episodeId, decidedAt));
        awaitFollowUps(episodeId, 3);

        triage.publish(
                Topics.TRIAGE_DECIDED,
                episodeId,
                version(Decisions.recovered(), episodeId, decidedAt.plus(Duration.ofHours(3)), 2));

        await().atMost(PATIENCE).until(() -> scheduling.followUps(episodeId), list -> list.stream()
                .allMatch(followUp -> followUp.get("status").asString().equals("CANCELLED")));
        assertThat(scheduling.appointments(episodeId)).isEmpty();
        assertThat(scheduling.waitlist(episodeId)).isEmpty();
    }

    @Test
    void aRedeliveredDecisionOrTheSameVersionUnderANewEventIdBooksNothingMore() {
        // given
        Instant decidedAt = Epochs.start(7);
        TestClock.CLOCK.set(decidedAt);
        String episodeId = newEpisodeId();
        TriageDecided v1 = decided(Decisions.specialistReferralWithMri(), episodeId, decidedAt);
        String eventId = UUID.randomUUID().toString();

        // when
        triage.publish(Topics.TRIAGE_DECIDED, eventId, episodeId, v1);
        triage.publish(Topics.TRIAGE_DECIDED, eventId, episodeId, v1);
        triage.publish(Topics.TRIAGE_DECIDED, episodeId, v1);
        // the same key keeps the order: once v2 is booked, the replays before it have been handled
        triage.publish(
                Topics.TRIAGE_DECIDED,
                episodeId,
                version(Decisions.chemodenervationConsult(), episodeId, decidedAt.plusSeconds(60), 2));

        // then
        List<JsonNode> appointments = awaitAppointments(episodeId, 3);
        assertThat(appointments)
                .extracting(appointment -> appointment.get("type").asString())
                .containsExactlyInAnyOrder("IMAGING_MRI", "SPECIALIST_VISIT", "CHEMODENERVATION_CONSULT");
        assertThat(appointments)
                .extracting(appointment -> appointment.get("decisionVersion").asInt())
                .containsExactlyInAnyOrder(1, 1, 2);
        assertThat(scheduling.followUps(episodeId)).hasSize(3 + 3);
        await().atMost(PATIENCE)
                .until(() -> events(Topics.APPOINTMENT_BOOKED.name(), episodeId), list -> list.size() >= 3);
        assertThat(events(Topics.APPOINTMENT_BOOKED.name(), episodeId)).hasSize(3);
    }

    @Test
    void aFollowUpIsPublishedOnceWhenTheClockPassesItsDueTime() {
        // given
        Instant decidedAt = Epochs.start(8);
        TestClock.CLOCK.set(decidedAt);
        String episodeId = newEpisodeId();
        String iceToHeat = episodeId + ":ICE_TO_HEAT";
        triage.publish(Topics.TRIAGE_DECIDED, episodeId, decided(Decisions.conservativeCare(), episodeId, decidedAt));
        awaitFollowUps(episodeId, 3);

        // when: onset was the day before the decision, so MSG-48H falls due at 10:00 the day after it (MSG-TIME)
        TestClock.CLOCK.set(Epochs.at(8, 1, "10:01"));

        // then
        RecordedEvent sent = await().atMost(PATIENCE)
                .until(() -> followUpsDue(iceToHeat), list -> !list.isEmpty())
                .get(0);
        JsonNode due = HttpJson.parse(sent.value());
        assertThat(due.get("episodeId").asString()).isEqualTo(episodeId);
        assertThat(due.get("kind").asString()).isEqualTo("ICE_TO_HEAT");
        assertThat(Instant.parse(due.get("dueAt").asString())).isEqualTo(Epochs.at(8, 1, "10:00"));
        assertThat(due.get("channel").asString()).isEqualTo("SMS");
        assertThat(due.get("to").asString()).isEqualTo(Decisions.PHONE);
        assertThat(due.get("message").asString()).contains("heat");
        assertThat(sent.key()).isEqualTo(episodeId);
        assertThat(sent.headers())
                .containsEntry("ce_id", iceToHeat + ":due")
                .containsEntry("ce_subject", episodeId)
                .containsEntry("ce_source", "/scheduling-service");
        assertThat(scheduling.followUps(episodeId))
                .extracting(followUp -> followUp.get("kind").asString() + " "
                        + followUp.get("status").asString())
                .containsExactly("ICE_TO_HEAT SENT", "TWO_WEEK_CHECK PENDING", "RECOVERY_CHECK PENDING");

        // and once only: by the time the next one is out, the first has not been sent again
        TestClock.CLOCK.set(Epochs.at(8, 13, "10:01"));
        await().atMost(PATIENCE).until(() -> followUpsDue(episodeId + ":TWO_WEEK_CHECK"), list -> !list.isEmpty());
        assertThat(followUpsDue(iceToHeat)).hasSize(1);
    }

    @Test
    void aPathwayFromDecisionToSentReminderAndOnlineChangesReadsNoCollectionWhole() {
        // given: a first decision, so that the start-up recovery sweep (the one read that may scan) is long done
        Instant decidedAt = Epochs.at(21, 0, "08:50");
        TestClock.CLOCK.set(decidedAt);
        String warmUp = newEpisodeId();
        triage.publish(Topics.TRIAGE_DECIDED, warmUp, decided(Decisions.conservativeCare(), warmUp, decidedAt));
        awaitFollowUps(warmUp, 3);
        FullScans scans = FullScans.in(mongo);
        String episodeId = newEpisodeId();

        // when: a decision books and plans reminders, the reminder falls due, and the patient moves and cancels
        triage.publish(
                Topics.TRIAGE_DECIDED, episodeId, decided(Decisions.chemodenervationConsult(), episodeId, decidedAt));
        JsonNode consult = awaitAppointments(episodeId, 1).get(0);
        Instant start = instant(consult, "start");
        TestClock.CLOCK.set(start.minus(Duration.ofHours(23)));
        await().atMost(PATIENCE).until(() -> events(Topics.FOLLOWUP_DUE.name(), episodeId), list -> list.stream()
                .anyMatch(due ->
                        HttpJson.parse(due.value()).get("kind").asString().equals("APPOINTMENT_REMINDER")));
        String appointmentId = consult.get("appointmentId").asString();
        assertThat(scheduling.cancel(appointmentId).status()).isEqualTo(200);
        awaitAppointments(episodeId, 1);
        await().atMost(PATIENCE)
                .until(() -> events(Topics.APPOINTMENT_CANCELLED.name(), episodeId), list -> !list.isEmpty());

        // then
        assertThat(scans.since()).as("collections read whole").isEmpty();
    }

    @Test
    void aPatientsAppointmentsNeverOverlapAcrossTheirEpisodes() {
        // given: two episodes of one patient (intake's patientId), each asking for a Queens visit first thing
        Instant monday = Epochs.at(22, 0, "09:01");
        TestClock.CLOCK.set(monday);
        String patientId = "patient-" + UUID.randomUUID();
        String referral = newEpisodeId();
        String consult = newEpisodeId();

        // when: the referral is booked first (the episodes' partitions are consumed side by side, so without the
        // wait either may come first, and the online booking below assumes the visit holds the first PT slot)
        triage.publish(
                Topics.TRIAGE_DECIDED,
                referral,
                Decisions.forPatient(decided(Decisions.specialistReferral(), referral, monday), patientId));
        JsonNode visit = awaitAppointments(referral, 1).get(0);
        triage.publish(
                Topics.TRIAGE_DECIDED,
                consult,
                Decisions.forPatient(decided(Decisions.surgicalConsult(), consult, monday), patientId));

        // then: different providers, but never at the same time (scheduling-rules §4.2, amended)
        JsonNode surgical = awaitAppointments(consult, 1).get(0);
        assertThat(instant(visit, "start").isBefore(instant(surgical, "end"))
                        && instant(surgical, "start").isBefore(instant(visit, "end")))
                .as("%s and %s overlap", visit, surgical)
                .isFalse();

        // and: booking the other episode online into the visit's time is refused
        String sameTime = "pt-queens-1@" + instant(visit, "start");
        assertThat(scheduling.book(consult, sameTime, "PT_EVALUATION").status()).isEqualTo(409);
    }

    @Test
    void anEmergencyKeepsTheBookedAppointmentsAndTheirReminders() {
        // given: decided on a Friday evening, so the visit is on Monday and its reminder still ahead
        Instant friday = Epochs.at(23, 4, "17:50");
        TestClock.CLOCK.set(friday);
        String episodeId = newEpisodeId();
        triage.publish(Topics.TRIAGE_DECIDED, episodeId, decided(Decisions.specialistReferral(), episodeId, friday));
        awaitAppointments(episodeId, 1);
        awaitFollowUps(episodeId, 4);

        // when
        triage.publish(
                Topics.TRIAGE_DECIDED,
                episodeId,
                version(Decisions.emergency(), episodeId, friday.plus(Duration.ofMinutes(5)), 2));

        // BK-ER
        await().atMost(PATIENCE).until(() -> scheduling.followUps(episodeId), list -> list.size() == 5);
        assertThat(scheduling.appointments(episodeId)).singleElement().satisfies(appointment -> assertThat(
                        appointment.get("status").asString())
                .isEqualTo("BOOKED"));
        assertThat(scheduling.followUps(episodeId))
                .extracting(followUp -> followUp.get("kind").asString() + " "
                        + followUp.get("status").asString())
                .contains("APPOINTMENT_REMINDER PENDING", "EMERGENCY_INSTRUCTION SENT")
                .doesNotContain("TWO_WEEK_CHECK PENDING", "RECOVERY_CHECK PENDING");
    }

    @Test
    void aRecoveredEpisodeHasItsFutureAppointmentsCancelledAndTheirSlotsServeTheWaitlist() {
        // given: one physiatry slot a week; the second patient waits for the first one's
        Instant thursday = Epochs.at(24, 3, "09:00");
        TestClock.CLOCK.set(thursday);
        String first = newEpisodeId();
        String second = newEpisodeId();
        JsonNode booked = decideChemodenervation(first, thursday, 1);
        decideChemodenervation(second, thursday, 1);
        String third = newEpisodeId();
        triage.publish(Topics.TRIAGE_DECIDED, third, decided(Decisions.chemodenervationConsult(), third, thursday));
        await().atMost(PATIENCE).until(() -> scheduling.waitlist(third), list -> list.size() == 1);

        // when
        triage.publish(
                Topics.TRIAGE_DECIDED,
                first,
                version(Decisions.recovered(), first, thursday.plus(Duration.ofHours(1)), 2));

        // then: BK-RC
        await().atMost(PATIENCE)
                .until(() -> scheduling.appointments(first).get(0).get("status").asString(), "CANCELLED"::equals);
        RecordedEvent cancellation = await().atMost(PATIENCE)
                .until(() -> events(Topics.APPOINTMENT_CANCELLED.name(), first), list -> !list.isEmpty())
                .get(0);
        assertThat(HttpJson.parse(cancellation.value()).get("reason").asString())
                .isEqualTo("RECOVERED");
        assertThat(scheduling.followUps(first))
                .allSatisfy(followUp ->
                        assertThat(followUp.get("status").asString()).isIn("CANCELLED", "SENT"));
        JsonNode served = awaitAppointments(third, 1).get(0);
        assertThat(served.get("slotId").asString())
                .isEqualTo(booked.get("slotId").asString());
    }

    @Test
    void cancellingAnAppointmentFreesItsSlotForTheOldestWaitingEntry() {
        // given: one physiatry slot a week, so over two weeks the third patient waits
        Instant thursday = Epochs.at(9, 3, "09:00");
        TestClock.CLOCK.set(thursday);
        String first = newEpisodeId();
        String second = newEpisodeId();
        String third = newEpisodeId();
        JsonNode firstAppointment = decideChemodenervation(first, thursday, 1);
        decideChemodenervation(second, thursday, 1);
        triage.publish(Topics.TRIAGE_DECIDED, third, decided(Decisions.chemodenervationConsult(), third, thursday));
        JsonNode waiting = await().atMost(PATIENCE)
                .until(() -> scheduling.waitlist(third), list -> list.size() == 1)
                .get(0);
        assertThat(waiting.get("type").asString()).isEqualTo("CHEMODENERVATION_CONSULT");
        RecordedEvent waitlisted = await().atMost(PATIENCE)
                .until(() -> events(Topics.APPOINTMENT_WAITLISTED.name(), third), list -> !list.isEmpty())
                .get(0);
        assertThat(HttpJson.parse(waitlisted.value()).get("specialty").asString())
                .isEqualTo("REHABILITATION");

        // when
        HttpJson.Response cancelled =
                scheduling.cancel(firstAppointment.get("appointmentId").asString());

        // then
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        JsonNode served = awaitAppointments(third, 1).get(0);
        assertThat(served.get("slotId").asString())
                .isEqualTo(firstAppointment.get("slotId").asString());
        assertThat(served.get("appointmentId").asString())
                .isEqualTo(waiting.get("entryId").asString());
        assertThat(scheduling.waitlist(third)).isEmpty();
        assertThat(scheduling.appointments(first)).singleElement().satisfies(appointment -> assertThat(
                        appointment.get("status").asString())
                .isEqualTo("CANCELLED"));
        RecordedEvent cancellation = await().atMost(PATIENCE)
                .until(() -> events(Topics.APPOINTMENT_CANCELLED.name(), first), list -> !list.isEmpty())
                .get(0);
        assertThat(HttpJson.parse(cancellation.value()).get("reason").asString())
                .isEqualTo("cancelled online");
        await().atMost(PATIENCE).until(() -> events(Topics.APPOINTMENT_BOOKED.name(), third), list -> !list.isEmpty());
    }

    @Test
    void anOpenSlotIsBookedOnlineMovedAndCancelledWithAnEventForEachChange() {
        // given
        Instant now = Epochs.start(10);
        TestClock.CLOCK.set(now);
        String episodeId = newEpisodeId();
        String other = newEpisodeId();
        decideWithoutBookings(episodeId, now);
        decideWithoutBookings(other, now);
        String tuesday = orthopedicSlotsOn(Epochs.at(10, 1, "00:00"));
        List<JsonNode> open = scheduling.slots(tuesday);
        String firstSlot = open.get(0).get("slotId").asString();
        String secondSlot = open.get(1).get("slotId").asString();

        // when: booked
        HttpJson.Response booked = scheduling.book(episodeId, firstSlot, "SPECIALIST_VISIT");

        // then
        assertThat(booked.status()).isEqualTo(201);
        JsonNode appointment = booked.json();
        String appointmentId = appointment.get("appointmentId").asString();
        assertThat(appointment.get("slotId").asString()).isEqualTo(firstSlot);
        assertThat(appointment.get("status").asString()).isEqualTo("BOOKED");
        assertThat(appointment.get("cpt").asString()).isEqualTo("99204");
        assertThat(scheduling
                        .get("/api/v1/appointments/" + appointmentId)
                        .json()
                        .get("slotId")
                        .asString())
                .isEqualTo(firstSlot);
        assertThat(slotIds(tuesday)).doesNotContain(firstSlot);
        assertThat(scheduling.book(other, firstSlot, "SPECIALIST_VISIT").status())
                .isEqualTo(409);
        assertThat(scheduling.followUps(episodeId))
                .extracting(followUp -> followUp.get("kind").asString())
                .contains("APPOINTMENT_REMINDER");

        // when: moved
        HttpJson.Response moved = scheduling.reschedule(appointmentId, secondSlot);

        // then
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("slotId").asString()).isEqualTo(secondSlot);
        assertThat(slotIds(tuesday)).contains(firstSlot).doesNotContain(secondSlot);
        assertThat(scheduling.book(other, firstSlot, "SPECIALIST_VISIT").status())
                .isEqualTo(201);
        assertThat(scheduling.reschedule(appointmentId, firstSlot).status()).isEqualTo(409);

        // when: cancelled, twice
        HttpJson.Response cancelled = scheduling.cancel(appointmentId);
        HttpJson.Response cancelledAgain = scheduling.cancel(appointmentId);

        // then
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelledAgain.status()).isEqualTo(200);
        assertThat(cancelledAgain.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(slotIds(tuesday)).contains(secondSlot);
        assertThat(scheduling.followUps(episodeId))
                .filteredOn(followUp -> followUp.get("kind").asString().equals("APPOINTMENT_REMINDER"))
                .allSatisfy(reminder ->
                        assertThat(reminder.get("status").asString()).isIn("CANCELLED", "SENT"));
        await().atMost(PATIENCE)
                .until(() -> events(Topics.APPOINTMENT_BOOKED.name(), episodeId).size() == 2
                        && events(Topics.APPOINTMENT_CANCELLED.name(), episodeId)
                                        .size()
                                == 1);
        assertThat(scheduling.cancel("no-such-appointment").status()).isEqualTo(404);
        assertThat(scheduling.reschedule("no-such-appointment", secondSlot).status())
                .isEqualTo(404);
    }

    @Test
    void aBookingThatCannotBeMadeIsRefusedNamingTheField() {
        Instant now = Epochs.start(11);
        TestClock.CLOCK.set(now);
        String episodeId = newEpisodeId();
        decideWithoutBookings(episodeId, now);
        String physicalTherapySlot = scheduling
                .slots("specialty=PHYSICAL_THERAPY&from=" + Epochs.at(11, 1, "00:00"))
                .get(0)
                .get("slotId")
                .asString();

        assertProblem(scheduling.book(episodeId, "no-such-slot", "PT_EVALUATION"), 400, "slotId");
        assertProblem(
                scheduling.book(episodeId, "ortho-queens-1@" + Epochs.at(11, 1, "09:07"), "SPECIALIST_VISIT"),
                400,
                "slotId");
        assertProblem(scheduling.book(episodeId, physicalTherapySlot, "SPECIALIST_VISIT"), 400, "type");
        assertProblem(
                scheduling.book(episodeId, "pt-queens-1@" + Epochs.at(11, 0, "08:00"), "PT_EVALUATION"), 400, "slotId");
        assertProblem(scheduling.book("never-decided", physicalTherapySlot, "PT_EVALUATION"), 422, "episodeId");
        assertProblem(
                scheduling.post(
                        "/api/v1/appointments",
                        "{\"episodeId\": \"" + episodeId + "\", \"slotId\": \"" + physicalTherapySlot + "\"}"),
                400,
                "type");
        assertProblem(
                scheduling.post(
                        "/api/v1/appointments",
                        "{\"episodeId\": \"" + episodeId + "\", \"slotId\": \"" + physicalTherapySlot
                                + "\", \"type\": \"MASSAGE\"}"),
                400,
                "type");
        assertThat(scheduling
                        .book(episodeId, physicalTherapySlot, "PT_EVALUATION")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aSlotQueryWithABadParameterIsRefusedNamingIt() {
        assertProblem(scheduling.get("/api/v1/slots"), 400, "specialty");
        assertProblem(scheduling.get("/api/v1/slots?specialty=DENTIST"), 400, "specialty");
        assertProblem(scheduling.get("/api/v1/slots?specialty=IMAGING&region=ATLANTIS"), 400, "region");
        assertProblem(scheduling.get("/api/v1/slots?specialty=IMAGING&from=2027-03-01&to=2027-01-01"), 400, "to");
        assertProblem(scheduling.get("/api/v1/slots?specialty=IMAGING&from=yesterday"), 400, "from");
        // far in the future: a 400 naming it, never a 500
        assertProblem(
                scheduling.get("/api/v1/slots?specialty=IMAGING&from=%2B1000000000-12-31T00:00:00Z"), 400, "from");
        assertProblem(scheduling.get("/api/v1/slots?specialty=IMAGING&from=9999-12-31"), 400, "from");
    }

    @Test
    void theListsOfAnEpisodeSchedulingHasNeverSeenAreEmpty() {
        String episodeId = newEpisodeId();

        assertThat(scheduling.appointments(episodeId)).isEmpty();
        assertThat(scheduling.followUps(episodeId)).isEmpty();
        assertThat(scheduling.waitlist(episodeId)).isEmpty();
        assertThat(scheduling.get("/api/v1/appointments/" + episodeId).status()).isEqualTo(404);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        HttpJson.Response docs = scheduling.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames())
                .contains(
                        "/api/v1/slots",
                        "/api/v1/appointments",
                        "/api/v1/appointments/{appointmentId}/reschedule",
                        "/api/v1/appointments/{appointmentId}/cancel",
                        "/api/v1/episodes/{episodeId}/appointments",
                        "/api/v1/episodes/{episodeId}/follow-ups",
                        "/api/v1/episodes/{episodeId}/waitlist");
    }

    @Test
    void aRecordThatCannotBeProcessedGoesToTheDeadLetterTopicWithoutBlockingThePartition() {
        // given
        Instant decidedAt = Epochs.start(16);
        TestClock.CLOCK.set(decidedAt);
        String episodeId = newEpisodeId();

        // when
        triage.publishRaw(
                Topics.TRIAGE_DECIDED,
                UUID.randomUUID().toString(),
                episodeId,
                "{\"episodeId\": \"" + episodeId + "\", \"version\": \"first\"}");
        triage.publish(
                Topics.TRIAGE_DECIDED,
                episodeId,
                Decisions.withEpisode(decided(Decisions.conservativeCare(), episodeId, decidedAt), null));
        triage.publish(Topics.TRIAGE_DECIDED, episodeId, decided(Decisions.conservativeCare(), episodeId, decidedAt));

        // then
        awaitFollowUps(episodeId, 3);
        List<RecordedEvent> dead = await().atMost(PATIENCE)
                .until(() -> events(Topics.TRIAGE_DECIDED.deadLetterTopic(), episodeId), list -> list.size() == 2);
        assertThat(dead)
                .extracting(record -> record.header("x-exception-message"))
                .anySatisfy(reason -> assertThat(reason).contains("version"))
                .anySatisfy(reason -> assertThat(reason).contains("lacks episode"));
    }

    @Test
    void aDecisionThatEndsInTheDeadLettersLeavesNoClaimNorReminderBehind() {
        // given: a referral that books a visit, but whose patient cannot be reached (no contact channel)
        Instant decidedAt = Epochs.at(25, 0, "09:01");
        TestClock.CLOCK.set(decidedAt);
        String episodeId = newEpisodeId();
        TriageDecided decision = decided(Decisions.specialistReferral(), episodeId, decidedAt);
        TriageDecided unreachable = Decisions.withEpisode(
                decision,
                new EpisodeContext(
                        decision.episode().region(),
                        decision.episode().onsetDate(),
                        new Contact(null, null, null),
                        decision.episode().triggers(),
                        null,
                        null));

        // when
        triage.publish(Topics.TRIAGE_DECIDED, episodeId, unreachable);

        // then
        await().atMost(PATIENCE)
                .until(() -> events(Topics.TRIAGE_DECIDED.deadLetterTopic(), episodeId), list -> list.size() == 1);
        assertThat(mongo.exists(query(where("episodeId").is(episodeId)), "slot_claims"))
                .as("a claim of the dead-lettered decision")
                .isFalse();
        assertThat(scheduling.appointments(episodeId)).isEmpty();
        assertThat(scheduling.followUps(episodeId)).isEmpty();
    }

    private JsonNode decideChemodenervation(String episodeId, Instant decidedAt, int expectedAppointments) {
        triage.publish(
                Topics.TRIAGE_DECIDED, episodeId, decided(Decisions.chemodenervationConsult(), episodeId, decidedAt));
        return awaitAppointments(episodeId, expectedAppointments).get(0);
    }

    private void decideWithoutBookings(String episodeId, Instant decidedAt) {
        triage.publish(Topics.TRIAGE_DECIDED, episodeId, decided(Decisions.conservativeCare(), episodeId, decidedAt));
        // follow-ups are stored just before the episode document: wait for the document
        await().atMost(PATIENCE).until(() -> mongo.exists(query(where("_id").is(episodeId)), "episode_schedules"));
    }

    private static String orthopedicSlotsOn(Instant dayStart) {
        return "specialty=ORTHOPEDIC_SPINE&region=QUEENS&from=" + dayStart + "&to=" + dayStart.plus(Duration.ofDays(1));
    }

    private List<String> slotIds(String query) {
        return scheduling.slots(query).stream()
                .map(slot -> slot.get("slotId").asString())
                .toList();
    }

    private List<JsonNode> awaitAppointments(String episodeId, int count) {
        return await().atMost(PATIENCE).until(() -> scheduling.appointments(episodeId), list -> list.size() == count);
    }

    private void awaitFollowUps(String episodeId, int count) {
        await().atMost(PATIENCE).until(() -> scheduling.followUps(episodeId), list -> list.size() == count);
    }

    private static List<RecordedEvent> events(String topic, String episodeId) {
        return published.records(event -> event.topic().equals(topic) && event.isAbout(episodeId));
    }

    private static List<RecordedEvent> followUpsDue(String followUpId) {
        return published.records(event -> event.topic().equals(Topics.FOLLOWUP_DUE.name())
                && HttpJson.parse(event.value()).get("followUpId").asString().equals(followUpId));
    }

    private static boolean isSent(JsonNode followUp) {
        return followUp.get("status").asString().equals("SENT");
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.get(field).asString());
    }

    private static void assertProblem(HttpJson.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asString()).isEqualTo(field);
    }
}
