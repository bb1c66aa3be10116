package org.carepath.scheduling.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.carepath.platform.messaging.OutboxRelay;
import org.carepath.scheduling.SchedulingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends follow-ups when they are due (scheduling-rules §6): every interval, or at once after {@link #wake()}, it
 * marks the due ones sent with their {@code followup.due} event, which the outbox relay publishes. The time is
 * the injected {@link Clock}'s. The state lives in MongoDB, so a restart neither loses nor repeats a message.
 */
@Component
public class FollowUpDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FollowUpDispatcher.class);

    private final FollowUpStore store;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Duration interval;
    private final int batchSize;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    FollowUpDispatcher(FollowUpStore store, OutboxRelay relay, Clock clock, SchedulingProperties properties) {
        this.store = store;
        this.relay = relay;
        this.clock = clock;
        this.interval = properties.followUpDispatchInterval();
        this.batchSize = properties.followUpDispatchBatchSize();
    }

    /** Look now rather than at the next interval: something is due at once. */
    public void wake() {
        wakeUps.release();
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
    public void start() {
        running = true;
        thread = new Thread(this::loop, "follow-up-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        try {
            thread.join(interval.toMillis() + 10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                if (dispatchDue() < batchSize) {
                    wakeUps.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Follow-up dispatch failed, will retry: {}", e.toString());
                pause();
            }
        }
    }

    private void pause() {
        try {
            wakeUps.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
