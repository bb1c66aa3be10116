package org.carepath.scheduling.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.carepath.scheduling.EpisodeDecisions.decided;
import static org.carepath.scheduling.EpisodeDecisions.newEpisodeId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.carepath.events.Topics;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.scheduling.Epochs;
import org.carepath.scheduling.ScheduleClient;
import org.carepath.scheduling.TestClock;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.scheduling.directory.Slot;
import org.carepath.scheduling.directory.SlotCatalog;
import org.carepath.testing.FullScans;
import org.carepath.testing.TestInfrastructure;
import org.carepath.testing.TopicPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * A slot claimed by a booking that never got saved (a crash in between) is freed; booked slots stay taken; the sweep
 * reaches every orphan in bounded rounds; and it never frees a claim from under a booking in flight (a redelivery,
 * or a booking paused between its claim and its save).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(TestClock.class)
class OrphanClaimSweeperIT {

    private static final int EPOCH = 20;

    @LocalServerPort
    int port;

    @Autowired
    OrphanClaimSweeper sweeper;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SlotClaims claims;

    @Autowired
    ClaimingPlanner claiming;

    @Autowired
    SlotCatalog catalog;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @BeforeEach
    void fromToday() {
        sweeper.restart();
    }

    @Test
    void freesASlotNoSavedBookingHoldsAndKeepsTheOnesThatAreBooked() {
        // given an episode whose decision booked an MRI and a specialist visit
        Instant decidedAt = Epochs.start(EPOCH);
        TestClock.CLOCK.set(decidedAt);
        ScheduleClient scheduling = new ScheduleClient(port);
        String episodeId = newEpisodeId();
        try (TopicPublisher triage = new TopicPublisher()) {
            triage.publish(
                    Topics.TRIAGE_DECIDED,
                    episodeId,
                    decided(Decisions.specialistReferralWithMri(), episodeId, decidedAt));
        }
        List<JsonNode> booked = await().atMost(Duration.ofSeconds(30))
                .until(() -> scheduling.appointments(episodeId), appointments -> appointments.size() == 2);
        // and a claim left by a booking that crashed before saving its episode
        String slotQuery = "specialty=ORTHOPEDIC_SPINE&from=" + Epochs.at(EPOCH, 9, "08:00") + "&to="
                + Epochs.at(EPOCH, 9, "18:00");
        JsonNode slot = scheduling.slots(slotQuery).get(0);
        String orphanSlot = slot.get("slotId").asString();
        mongo.insert(new SlotClaim(
                orphanSlot,
                Instant.parse(slot.get("start").asString()),
                Instant.parse(slot.get("end").asString()),
                slot.get("providerId").asString(),
                "crashed-episode",
                "crashed-episode:SPECIALIST_VISIT:v1",
                decidedAt));
        assertThat(slotIds(scheduling.slots(slotQuery))).doesNotContain(orphanSlot);

        // when the sweeper looks once the grace period is over
        FullScans scans = FullScans.in(mongo);
        int freed = sweeper.sweep(decidedAt.plus(OrphanClaimSweeper.GRACE).plusSeconds(1));

        // then: by the directory's slot ids, never a scan of the claims
        assertThat(scans.since()).doesNotContainKey(SlotClaim.COLLECTION);
        assertThat(freed).isPositive();
        assertThat(slotIds(scheduling.slots(slotQuery))).contains(orphanSlot);
        for (JsonNode appointment : booked) {
            assertThat(mongo.findById(appointment.get("slotId").asString(), SlotClaim.class))
                    .as("claim of booked %s", appointment.get("type").asString())
                    .isNotNull();
        }
    }

    @Test
    void leavesAFreshClaimAloneWhileItsBookingMayStillBeSaving() {
        Instant now = Epochs.at(EPOCH, 14, "09:00");
        TestClock.CLOCK.set(now);
        ScheduleClient scheduling = new ScheduleClient(port);
        String slotQuery = "specialty=ORTHOPEDIC_SPINE&from=" + Epochs.at(EPOCH, 16, "08:00") + "&to="
                + Epochs.at(EPOCH, 16, "18:00");
        JsonNode slot = scheduling.slots(slotQuery).get(0);
        String slotId = slot.get("slotId").asString();
        mongo.insert(new SlotClaim(
                slotId,
                Instant.parse(slot.get("start").asString()),
                Instant.parse(slot.get("end").asString()),
                slot.get("providerId").asString(),
                "saving-episode",
                "saving-episode:SPECIALIST_VISIT:v1",
                now));

        sweeper.sweep(now.plusSeconds(30));

        assertThat(mongo.findById(slotId, SlotClaim.class)).isNotNull();
    }

    @Test
    void freesAnOrphanHoweverFarOutWithinABoundedNumberOfRounds() {
        // given: orphans on three days, the furthest three weeks out, among every other claim stored
        Instant now = Epochs.at(EPOCH, 0, "07:00");
        List<String> orphans = List.of(
                orphan(Epochs.at(EPOCH, 1, "10:00"), now.minus(Duration.ofHours(1))),
                orphan(Epochs.at(EPOCH, 9, "10:00"), now.minus(Duration.ofHours(1))),
                orphan(Epochs.at(EPOCH, 22, "10:00"), now.minus(Duration.ofHours(1))));

        // when: rounds of two claims each
        int rounds = 0;
        while (rounds < 500 && orphans.stream().anyMatch(this::isClaimed)) {
            sweeper.sweep(now, 2);
            rounds++;
        }

        // then
        assertThat(orphans).noneMatch(this::isClaimed);
        assertThat(rounds).isLessThan(500);
        // and the next rounds start from today again, for the other tests
        sweeper.restart();
    }

    @Test
    void aRedeliveryTakingItsOwnClaimAgainRefreshesItSoTheSweepLeavesIt() {
        Instant firstAttempt = Epochs.at(EPOCH, 2, "07:00");
        Appointment visit = visitAt(Epochs.at(EPOCH, 3, "11:00"), "late-episode");
        assertThat(claims.claim(visit, firstAttempt)).isTrue();

        // when: the decision is redelivered ten minutes later and claims the same slot for the same appointment
        Instant redelivered = firstAttempt.plus(Duration.ofMinutes(10));
        assertThat(claims.claim(visit, redelivered)).isTrue();
        sweeper.sweep(redelivered.plus(Duration.ofMinutes(1)));

        // then: its booking may still be saving; the claim stays
        assertThat(mongo.findById(visit.slotId(), SlotClaim.class))
                .extracting(SlotClaim::claimedAt)
                .isEqualTo(redelivered);
    }

    @Test
    void aBookingPausedBetweenItsClaimAndItsSaveTakesItsSlotAgainAfterTheSweepFreedIt() {
        // given: a booking claims its slot, then pauses past the grace period, and the sweep frees the claim
        Instant claimedAt = Epochs.at(EPOCH, 4, "07:00");
        TestClock.CLOCK.set(claimedAt);
        Appointment visit = visitAt(Epochs.at(EPOCH, 8, "11:00"), "paused-episode");
        BookingSession session = claiming.session();
        assertThat(session.claim(visit)).isTrue();
        Instant resumed = claimedAt.plus(Duration.ofMinutes(10));
        TestClock.CLOCK.set(resumed);
        sweeper.sweep(resumed);
        assertThat(isClaimed(visit.slotId())).isFalse();

        // when: it resumes and confirms its claims before saving
        session.confirm(scheduleBooking(visit));

        // then
        assertThat(mongo.findById(visit.slotId(), SlotClaim.class)).satisfies(claim -> {
            assertThat(claim.appointmentId()).isEqualTo(visit.appointmentId());
            assertThat(claim.claimedAt()).isEqualTo(resumed);
        });
    }

    @Test
    void aPausedBookingWhoseSlotWentToAnotherWhileFreedIsNotSaved() {
        Instant claimedAt = Epochs.at(EPOCH, 6, "07:00");
        TestClock.CLOCK.set(claimedAt);
        Appointment visit = visitAt(Epochs.at(EPOCH, 7, "11:00"), "paused-episode-2");
        BookingSession session = claiming.session();
        assertThat(session.claim(visit)).isTrue();
        Instant resumed = claimedAt.plus(Duration.ofMinutes(10));
        TestClock.CLOCK.set(resumed);
        sweeper.sweep(resumed);
        Appointment other = visitAt(visit.start(), "quicker-episode");
        assertThat(claims.claim(other, resumed)).isTrue();

        assertThatThrownBy(() -> session.confirm(scheduleBooking(visit))).isInstanceOf(SlotContentionException.class);
        assertThat(mongo.findById(visit.slotId(), SlotClaim.class))
                .extracting(SlotClaim::appointmentId)
                .isEqualTo(other.appointmentId());
    }

    private String orphan(Instant start, Instant claimedAt) {
        Appointment visit = visitAt(start, "orphan-" + start.toEpochMilli());
        mongo.insert(new SlotClaim(
                visit.slotId(),
                visit.start(),
                visit.end(),
                visit.providerId(),
                visit.episodeId(),
                visit.appointmentId(),
                claimedAt));
        return visit.slotId();
    }

    private Appointment visitAt(Instant start, String episodeId) {
        Slot slot = catalog.resolve("ortho-queens-1@" + start).orElseThrow();
        return Appointment.inSlot(
                episodeId + ":SPECIALIST_VISIT:v1", episodeId, 1, AppointmentType.SPECIALIST_VISIT, slot, "BK-SP");
    }

    private static EpisodeScheduleDocument scheduleBooking(Appointment appointment) {
        return new EpisodeScheduleDocument(
                appointment.episodeId(),
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                List.of(appointment),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    private boolean isClaimed(String slotId) {
        return mongo.findById(slotId, SlotClaim.class) != null;
    }

    private static List<String> slotIds(List<JsonNode> slots) {
        return slots.stream().map(slot -> slot.get("slotId").asString()).toList();
    }
}
