package org.carepath.scheduling.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.carepath.events.intake.ContactChannel;
import org.carepath.events.scheduling.FollowUpKind;
import org.carepath.scheduling.followup.FollowUp;
import org.carepath.scheduling.followup.FollowUpStatus;
import org.carepath.testing.CountingWireServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The follow-up timers against a MongoDB wire server that counts full scans: found by id, near or far. */
class FollowUpTimersTest {

    private static final Instant DUE = Instant.parse("2027-03-02T05:00:00Z");

    private CountingWireServer store;
    private FollowUpTimers timers;

    @BeforeEach
    void start() {
        store = CountingWireServer.start("timers-test");
        timers = new FollowUpTimers(store.template());
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void aTimerIsFoundFromNearbyAndFromDaysBeforeWithoutAScan() {
        timers.set(List.of(followUp("e-1", DUE), followUp("e-2", DUE.plusSeconds(30))));
        long scansBefore = store.fullScans();

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
        assertThat(store.fullScans()).isEqualTo(scansBefore);
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
