package org.carepath.bench.measure;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.carepath.bench.load.OpenLoopSchedule;

/**
 * The raw facts of one step: each message's intended send time, the key (episode id) its send returned, when the
 * send was answered; and, from an {@link EpisodeTimeline}, when each key reached each hop. Thread-safe: the
 * senders' callbacks write while the step waits.
 *
 * <p>The achieved rate counts the episodes that completed end to end inside the send window, leaving out its
 * first tenth (the pipeline is still filling then, so nothing can be complete yet), divided by the rest of the
 * window. A system that keeps up completes exactly the target rate there.
 */
public final class StepMeasurement {

    private static final double RAMP_SHARE = 0.1;
    private static final long NOT_ANSWERED = Long.MIN_VALUE;

    private final OpenLoopSchedule schedule;
    private final long startNanos;
    private final AtomicReferenceArray<String> keys;
    private final AtomicLongArray answeredNanos;
    private final AtomicInteger answers = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    public StepMeasurement(OpenLoopSchedule schedule, long startNanos) {
        this.schedule = schedule;
        this.startNanos = startNanos;
        this.keys = new AtomicReferenceArray<>(schedule.count());
        this.answeredNanos = new AtomicLongArray(schedule.count());
        for (int i = 0; i < schedule.count(); i++) {
            answeredNanos.set(i, NOT_ANSWERED);
        }
    }

    public OpenLoopSchedule schedule() {
        return schedule;
    }

    public long startNanos() {
        return startNanos;
    }

    public long intendedNanos(int index) {
        return schedule.intendedNanos(startNanos, index);
    }

    /** The end of the send window, on the nanoTime scale. */
    public long windowEndNanos() {
        return startNanos + schedule.window().toNanos();
    }

    /** Message {@code index} is known under {@code key} before it was sent (the baseline makes its own keys). */
    public void keyed(int index, String key) {
        keys.set(index, key);
    }

    public void accepted(int index, String key, long nanos) {
        keys.set(index, key);
        answeredNanos.set(index, nanos);
        answers.incrementAndGet();
    }

    /** @param reason one line with no patient data, e.g. {@code HTTP 400 (field painScore)} */
    public void failed(int index, String reason) {
        firstFailure.compareAndSet(null, reason);
        failures.incrementAndGet();
        answers.incrementAndGet();
    }

    public int answered() {
        return answers.get();
    }

    public int failedCount() {
        return failures.get();
    }

    /** The first failure's reason, or null when nothing failed. */
    public String firstFailure() {
        return firstFailure.get();
    }

    /** How many of this step's messages have reached the end of the pipeline so far. */
    public int completed(EpisodeTimeline timeline) {
        int completed = 0;
        for (int i = 0; i < keys.length(); i++) {
            String key = keys.get(i);
            if (key != null && timeline.firstSeen(key, Hop.endToEnd()).isPresent()) {
                completed++;
            }
        }
        return completed;
    }

    /** Whether every message of the schedule has been answered and every accepted one reached the end. */
    public boolean isComplete(EpisodeTimeline timeline, int sent) {
        if (answers.get() < sent) {
            return false;
        }
        for (int i = 0; i < sent; i++) {
            String key = keys.get(i);
            if (answeredNanos.get(i) != NOT_ANSWERED
                    && timeline.firstSeen(key, Hop.endToEnd()).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param stoppedWaitingNanos when the bench stopped waiting for stragglers: a missing episode counts end to end
     *     as {@code stoppedWaiting - intended}
     */
    public StepResult result(EpisodeTimeline timeline, long stoppedWaitingNanos) {
        int count = schedule.count();
        LatencyRecorder sent = new LatencyRecorder();
        Map<Hop, LatencyRecorder> hops = new EnumMap<>(Hop.class);
        for (Hop hop : Hop.values()) {
            hops.put(hop, new LatencyRecorder());
        }
        long rampEnd = startNanos + Math.round(schedule.window().toNanos() * RAMP_SHARE);
        long windowEnd = windowEndNanos();
        int completedInWindow = 0;
        int missing = 0;
        for (int i = 0; i < count; i++) {
            long intended = intendedNanos(i);
            long answered = answeredNanos.get(i);
            if (answered != NOT_ANSWERED) {
                sent.recordNanos(answered - intended);
            }
            String key = keys.get(i);
            OptionalLong completed = key == null ? OptionalLong.empty() : timeline.firstSeen(key, Hop.endToEnd());
            if (completed.isEmpty()) {
                missing++;
                hops.get(Hop.endToEnd()).recordNanos(stoppedWaitingNanos - intended);
            } else if (completed.getAsLong() >= rampEnd && completed.getAsLong() <= windowEnd) {
                completedInWindow++;
            }
            if (key == null) {
                continue;
            }
            for (Hop hop : Hop.values()) {
                OptionalLong seen = timeline.firstSeen(key, hop);
                if (seen.isPresent()) {
                    hops.get(hop).recordNanos(seen.getAsLong() - intended);
                }
            }
        }
        Map<Hop, LatencySummary> summaries = new EnumMap<>(Hop.class);
        hops.forEach((hop, recorder) -> summaries.put(hop, recorder.summary()));
        double countedSeconds = (windowEnd - rampEnd) / 1e9;
        return new StepResult(
                schedule.ratePerSecond(),
                completedInWindow / countedSeconds,
                sent.summary(),
                summaries,
                count,
                failures.get() + (count - answers.get()),
                missing);
    }
}
