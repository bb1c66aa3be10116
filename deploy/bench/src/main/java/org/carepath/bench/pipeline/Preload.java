package org.carepath.bench.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.carepath.bench.kafka.ConsumerLag;
import org.carepath.bench.kafka.TopicFollower;
import org.carepath.bench.measure.EpisodeTimeline;
import org.carepath.bench.measure.Hop;

/**
 * Fills the store before the steps: POSTs reports as fast as intake takes them (a few in flight, closed loop),
 * then waits until the pipeline has drained: every accepted episode booked or waitlisted and estimated, and no
 * service's consumer group behind; or, should some episodes never get there, until no group is behind and nothing
 * has moved for a while. Bounded in count and time.
 */
public final class Preload {

    public static final int IN_FLIGHT = 8;

    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(20);
    private static final long CHECK_MILLIS = 1_000;
    private static final Duration MIN_TIMEOUT = Duration.ofMinutes(10);
    /** The slowest pace the timeout allows for: 20 episodes per second, posting and draining together. */
    private static final long TIMEOUT_MILLIS_PER_EPISODE = 50;

    private final IntakeClient intake;
    private final SyntheticReports reports;
    private final AtomicLong reportNumbers;
    private final AtomicLong acceptedTotal;
    private final String bootstrapServers;
    private final BooleanSupplier stopping;
    private final Consumer<String> progress;

    public Preload(
            IntakeClient intake,
            SyntheticReports reports,
            AtomicLong reportNumbers,
            AtomicLong acceptedTotal,
            String bootstrapServers,
            BooleanSupplier stopping,
            Consumer<String> progress) {
        this.intake = intake;
        this.reports = reports;
        this.reportNumbers = reportNumbers;
        this.acceptedTotal = acceptedTotal;
        this.bootstrapServers = bootstrapServers;
        this.stopping = stopping;
        this.progress = progress;
    }

    /** How long a preload of {@code count} may take in all before the bench goes on without it. */
    public static Duration timeout(int count) {
        Duration scaled = Duration.ofMillis(count * TIMEOUT_MILLIS_PER_EPISODE);
        return scaled.compareTo(MIN_TIMEOUT) > 0 ? scaled : MIN_TIMEOUT;
    }

    public PreloadResult run(int count) {
        EpisodeTimeline timeline = new EpisodeTimeline();
        long deadline = System.nanoTime() + timeout(count).toNanos();
        try (TopicFollower follower = TopicFollower.start(
                        bootstrapServers,
                        "preload-" + ProcessHandle.current().pid(),
                        ServiceTopics.hopByTopic(),
                        timeline);
                ConsumerLag lag = new ConsumerLag(bootstrapServers)) {
            Posting posting = post(count, deadline, timeline);
            long drainStart = System.nanoTime();
            boolean drained = awaitDrained(posting, timeline, lag, deadline, follower);
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            return new PreloadResult(
                    count,
                    posting.accepted.size(),
                    count - posting.accepted.size(),
                    posting.firstFailure.get(),
                    posting.seconds,
                    drainSeconds,
                    through(posting.accepted, timeline),
                    drained);
        }
    }

    private static final class Posting {
        final Set<String> accepted = ConcurrentHashMap.newKeySet();
        final AtomicInteger answered = new AtomicInteger();
        final AtomicReference<String> firstFailure = new AtomicReference<>();
        volatile double seconds;
    }

    private Posting post(int count, long deadline, EpisodeTimeline timeline) {
        Posting posting = new Posting();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        long start = System.nanoTime();
        long nextProgress = start + PROGRESS_NANOS;
        for (int i = 0; i < count && !stopping.getAsBoolean(); i++) {
            if (!acquire(inFlight, 1, deadline)) {
                posting.firstFailure.compareAndSet(null, "not sent before the preload's deadline");
                break;
            }
            intake.post(reports.report(reportNumbers.getAndIncrement())).whenComplete((answer, impossible) -> {
                if (answer != null && answer.isAccepted()) {
                    posting.accepted.add(answer.episodeId());
                    acceptedTotal.incrementAndGet();
                } else {
                    posting.firstFailure.compareAndSet(
                            null, answer == null ? String.valueOf(impossible) : answer.failure());
                }
                posting.answered.incrementAndGet();
                inFlight.release();
            });
            if (System.nanoTime() >= nextProgress) {
                nextProgress = System.nanoTime() + PROGRESS_NANOS;
                progress.accept("preload: " + posting.accepted.size() + " of " + count + " accepted, "
                        + timeline.seenCount(Hop.BILLING) + " estimated");
            }
        }
        acquire(inFlight, IN_FLIGHT, deadline); // the last answers
        posting.seconds = (System.nanoTime() - start) / 1e9;
        return posting;
    }

    private boolean awaitDrained(
            Posting posting, EpisodeTimeline timeline, ConsumerLag lag, long deadline, TopicFollower follower) {
        long nextProgress = System.nanoTime();
        int lastThrough = -1;
        long lastMove = System.nanoTime();
        while (!stopping.getAsBoolean() && System.nanoTime() < deadline) {
            if (follower.failure() != null) {
                throw new IllegalStateException(
                        "following the topics failed: " + follower.failure(), follower.failure());
            }
            int through = through(posting.accepted, timeline);
            long now = System.nanoTime();
            if (through != lastThrough) {
                lastThrough = through;
                lastMove = now;
            }
            boolean allThrough = through >= posting.accepted.size();
            boolean quiet = now - lastMove >= QUIET_NANOS;
            Map<String, Long> lagByGroup = null;
            if (allThrough || quiet || now >= nextProgress) {
                lagByGroup = lag.byGroup();
                boolean noLag = lagByGroup.values().stream().allMatch(behind -> behind == 0);
                if (allThrough && noLag) {
                    return true;
                }
                if (quiet && noLag) {
                    progress.accept("preload: no lag and nothing new for " + QUIET_NANOS / 1_000_000_000 + " s; "
                            + (posting.accepted.size() - through) + " episodes never got both a booking (or"
                            + " waitlisting) and an estimate");
                    return true;
                }
            }
            if (now >= nextProgress) {
                nextProgress = now + PROGRESS_NANOS;
                progress.accept("preload: " + through + " of " + posting.accepted.size()
                        + " through scheduling and billing; lag " + ConsumerLag.describe(lagByGroup));
            }
            sleep();
        }
        return false;
    }

    /** Accepted episodes that reached both ends of the pipeline: scheduling's answer and billing's estimate. */
    /** Accepted episodes through scheduling and billing; the timeline follows only this run's topics' new records. */
    private static int through(Set<String> accepted, EpisodeTimeline timeline) {
        return Math.min(accepted.size(), timeline.bookedAndEstimatedCount());
    }

    private static boolean acquire(Semaphore semaphore, int permits, long deadline) {
        try {
            return semaphore.tryAcquire(permits, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(CHECK_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
