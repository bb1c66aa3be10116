package org.carepath.scheduling.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.carepath.events.intake.ContactChannel;
import org.carepath.events.scheduling.FollowUpKind;
import org.carepath.scheduling.followup.FollowUp;
import org.carepath.scheduling.followup.FollowUpStatus;
import org.carepath.testing.ScanCountingBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The follow-up timers against a MongoDB wire server that counts full scans: found by id, near or far. */
class FollowUpTimersTest {

    private static final Instant DUE = Instant.parse("2027-03-02T05:00:00Z");

    private final ScanCountingBackend backend = new ScanCountingBackend();
    private MongoServer server;
    private MongoClient client;
    private FollowUpTimers timers;

    @BeforeEach
    void start() {
        server = new MongoServer(backend);
        client = MongoClients.create(server.bindAndGetConnectionString());
        timers = new FollowUpTimers(new MongoTemplate(client, "timers-test"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aTimerIsFoundFromNearbyAndFromDaysBeforeWithoutAScan() {
        timers.set(List.of(followUp("e-1", DUE), followUp("e-2", DUE.plusSeconds(30))));
        long scansBefore = backend.fullScans("timers-test");

        List<FollowUpTimers.Bucket> near = timers.between(DUE.minus(Duration.ofMinutes(10)), DUE.plusSeconds(60));
        List<FollowUpTimers.Bucket> far = timers.between(DUE.minus(Duration.ofDays(3)), DUE.plusSeconds(60));

        assertThat(near)
                .flatExtracting(FollowUpTimers.Bucket::timers)
                .extracting(FollowUpTimers.Timer::followUpId)
                .containsExactlyInAnyOrder("e-1:ICE_TO_HEAT", "e-2:ICE_TO_HEAT");
        assertThat(far)
                .flatExtracting(FollowUpTimers.Bucket::timers)
                .extracting(FollowUpTimers.Timer::followUpId)
                .containsExactlyInAnyOrder("e-1:ICE_TO_HEAT", "e-2:ICE_TO_HEAT");
        assertThat(timers.between(DUE.plusSeconds(60), DUE.plus(Duration.ofDays(2))))
                .isEmpty();
        assertThat(backend.fullScans("timers-test")).isEqualTo(scansBefore);
    }

    @Test
    void daysTheDispatcherIsPastAreForgotten() {
        timers.set(List.of(followUp("e-1", DUE)));

        timers.forgetDays(DUE.minus(Duration.ofDays(1)), DUE.plus(Duration.ofDays(1)));

        assertThat(timers.between(DUE.minus(Duration.ofDays(3)), DUE.plusSeconds(60)))
                .isEmpty();
        assertThat(timers.between(DUE.minus(Duration.ofMinutes(1)), DUE.plusSeconds(60)))
                .hasSize(1);
    }

    private static FollowUp followUp(String episodeId, Instant dueAt) {
        return new FollowUp(
                episodeId + ":ICE_TO_HEAT",
                episodeId,
                FollowUpKind.ICE_TO_HEAT,
                "MSG-48H",
                dueAt,
                ContactChannel.SMS,
                "+15165550100",
                "heat",
                null,
                FollowUpStatus.PENDING);
    }
}
