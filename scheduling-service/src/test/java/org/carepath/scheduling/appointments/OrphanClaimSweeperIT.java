package org.carepath.scheduling.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.carepath.scheduling.EpisodeDecisions.decided;
import static org.carepath.scheduling.EpisodeDecisions.newEpisodeId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.carepath.events.Topics;
import org.carepath.scheduling.Epochs;
import org.carepath.scheduling.ScheduleClient;
import org.carepath.scheduling.TestClock;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.testing.TestInfrastructure;
import org.carepath.testing.TopicPublisher;
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

/** A slot claimed by a booking that never got saved (a crash in between) is freed; booked slots stay taken. */
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

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
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
        int freed = sweeper.sweep(decidedAt.plus(OrphanClaimSweeper.GRACE).plusSeconds(1));

        // then
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

    private static List<String> slotIds(List<JsonNode> slots) {
        return slots.stream().map(slot -> slot.get("slotId").asString()).toList();
    }
}
