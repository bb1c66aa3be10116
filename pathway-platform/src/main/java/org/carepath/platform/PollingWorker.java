package org.carepath.platform;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background thread that does one round of work every interval (or after {@link #nextWait()}), or at once
 * after {@link #wake()}, and carries on while a round says there is more. A failed round is logged and retried
 * after a longer pause, so a broker or database outage never ends the thread.
 */
public abstract class PollingWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingWorker.class);
    private static final int PAUSE_AFTER_FAILURE = 4;

    private final String name;
    private final Duration interval;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    protected PollingWorker(String name, Duration interval) {
        this.name = name;
        this.interval = interval;
    }

    /** One round of work; returns true when there may be more to do straight away. */
    protected abstract boolean workOnce();

    /** How long to wait for a wake-up after a round that left nothing to do; the interval unless overridden. */
    protected Duration nextWait() {
        return interval;
    }

    /** Called once the thread has stopped. */
    protected void stopped() {}

    /** Look now rather than at the next interval. */
    public void wake() {
        wakeUps.release();
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        try {
            thread.join(interval.toMillis() * PAUSE_AFTER_FAILURE + 10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopped();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                if (!workOnce()) {
                    waitFor(nextWait());
                }
            } catch (RuntimeException e) {
                log.warn("{} failed, will retry: {}", name, e.toString());
                waitFor(interval.multipliedBy(PAUSE_AFTER_FAILURE));
            }
        }
    }

    private void waitFor(Duration duration) {
        try {
            wakeUps.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
