package org.carepath.scheduling.dispatch;

import java.time.Clock;
import org.carepath.platform.PollingWorker;
import org.carepath.platform.messaging.OutboxRelay;
import org.carepath.scheduling.SchedulingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends follow-ups when they are due (scheduling-rules §6): every interval, or at once after {@link #wake()}, it
 * marks the due ones sent with their {@code followup.due} event, which the outbox relay publishes. The time is
 * the injected {@link Clock}'s. The state lives in MongoDB, so a restart neither loses nor repeats a message.
 */
@Component
public class FollowUpDispatcher extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(FollowUpDispatcher.class);

    private final FollowUpStore store;
    private final OutboxRelay relay;
    private final Clock clock;
    private final int batchSize;

    FollowUpDispatcher(FollowUpStore store, OutboxRelay relay, Clock clock, SchedulingProperties properties) {
        super("follow-up-dispatcher", properties.followUpDispatchInterval());
        this.store = store;
        this.relay = relay;
        this.clock = clock;
        this.batchSize = properties.followUpDispatchBatchSize();
    }

    /** Sends one batch of what is due now; returns how many this instance marked sent. */
    public int dispatchDue() {
        FollowUpStore.DispatchedBatch batch = store.markDueAsSent(clock.instant(), batchSize);
        if (batch.marked() > 0) {
            relay.wake();
            log.info(
                    "Follow-ups due: {} marked sent (of {} found due)",
                    batch.marked(),
                    batch.candidateIds().size());
            log.debug("Follow-ups found due: {}", batch.candidateIds());
        }
        return batch.candidateIds().size();
    }

    @Override
    protected boolean workOnce() {
        return dispatchDue() >= batchSize;
    }
}
