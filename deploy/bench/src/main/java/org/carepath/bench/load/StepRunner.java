package org.carepath.bench.load;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.carepath.bench.kafka.TopicFollower;
import org.carepath.bench.measure.EpisodeTimeline;
import org.carepath.bench.measure.StepMeasurement;
import org.carepath.bench.measure.StepResult;
import org.carepath.bench.report.Numbers;

/**
 * Runs one open-loop step: follows the driver's topics from their current ends, sends on schedule, then waits for
 * stragglers (bounded) and measures.
 */
public final class StepRunner {

    /** How long after the send window the bench still waits for episodes to come through. */
    public static final Duration STRAGGLER_WAIT = Duration.ofSeconds(30);

    private static final long LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long CHECK_MILLIS = 100;
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final AtomicInteger STEPS = new AtomicInteger();

    private final String bootstrapServers;
    private final BooleanSupplier stopping;
    private final Consumer<String> progress;

    public StepRunner(String bootstrapServers, BooleanSupplier stopping, Consumer<String> progress) {
        this.bootstrapServers = bootstrapServers;
        this.stopping = stopping;
        this.progress = progress;
    }

    public StepResult run(StepDriver driver, double rate, Duration window) {
        return run(driver, rate, window, STRAGGLER_WAIT);
    }

    /** As {@link #run(StepDriver, double, Duration)}, waiting up to {@code stragglerWait} after the send window. */
    public StepResult run(StepDriver driver, double rate, Duration window, Duration stragglerWait) {
        OpenLoopSchedule schedule = new OpenLoopSchedule(rate, window);
        EpisodeTimeline timeline = new EpisodeTimeline();
        String followerName = driver.name() + "-" + STEPS.incrementAndGet() + "-"
                + ProcessHandle.current().pid();
        try (TopicFollower follower =
                TopicFollower.start(bootstrapServers, followerName, driver.hopByTopic(), timeline)) {
            long start = System.nanoTime() + LEAD_NANOS;
            StepMeasurement measurement = new StepMeasurement(schedule, start);
            long giveUp = measurement.windowEndNanos() + stragglerWait.toNanos();
            String label = driver.name() + " " + Numbers.rate(rate) + "/s";
            progress.accept(label + ": sending " + schedule.count() + " over " + window.toSeconds() + " s");
            ProgressTicker ticker = new ProgressTicker(label, measurement, timeline);
            OpenLoopGenerator generator = OpenLoopGenerator.systemClock(stopping);
            int sent = generator.run(schedule, start, (index, intended) -> {
                driver.send(index, intended, measurement, giveUp);
                ticker.tick();
            });
            awaitStragglers(measurement, timeline, sent, giveUp, ticker);
            if (follower.failure() != null) {
                throw new IllegalStateException(
                        "following the topics failed: " + follower.failure().getMessage(), follower.failure());
            }
            return measurement.result(timeline, System.nanoTime());
        }
    }

    private void awaitStragglers(
            StepMeasurement measurement, EpisodeTimeline timeline, int sent, long giveUp, ProgressTicker ticker) {
        while (!stopping.getAsBoolean() && System.nanoTime() < giveUp && !measurement.isComplete(timeline, sent)) {
            ticker.tick();
            try {
                Thread.sleep(CHECK_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A progress line every ten seconds while a step runs. */
    private final class ProgressTicker {

        private final String label;
        private final StepMeasurement measurement;
        private final EpisodeTimeline timeline;
        private long next = System.nanoTime() + PROGRESS_NANOS;

        ProgressTicker(String label, StepMeasurement measurement, EpisodeTimeline timeline) {
            this.label = label;
            this.measurement = measurement;
            this.timeline = timeline;
        }

        void tick() {
            long now = System.nanoTime();
            if (now < next) {
                return;
            }
            next = now + PROGRESS_NANOS;
            double elapsed = (now - measurement.startNanos()) / 1e9;
            progress.accept(String.format(
                    Locale.ROOT,
                    "%s: %.0f s, %d answered, %d through to the end",
                    label,
                    elapsed,
                    measurement.answered(),
                    measurement.completed(timeline)));
        }
    }
}
