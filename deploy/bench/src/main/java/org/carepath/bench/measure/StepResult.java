package org.carepath.bench.measure;

import java.util.Map;

/**
 * What one open-loop step measured.
 *
 * @param targetRate reports per second the schedule asked for
 * @param achievedRate episodes completed end to end per second over the window (see {@link StepMeasurement})
 * @param sent from the intended send time to the send's answer (HTTP 202 from intake, or the broker's ack)
 * @param hops from the intended send time to the first record on each hop's topic; the end-to-end hop also counts
 *     every missing episode at the time the bench stopped waiting for it (a lower bound of its latency)
 * @param scheduled messages the schedule held
 * @param failed sends that got no acceptance (an error status, a timeout, or never sent)
 * @param missing scheduled messages that did not reach the end of the pipeline in time, failed ones included
 */
public record StepResult(
        double targetRate,
        double achievedRate,
        LatencySummary sent,
        Map<Hop, LatencySummary> hops,
        int scheduled,
        int failed,
        int missing) {

    public static final double REQUIRED_SHARE_OF_TARGET = 0.95;
    public static final double MAX_END_TO_END_P99_MILLIS = 1_000;

    public StepResult {
        hops = Map.copyOf(hops);
    }

    public LatencySummary hop(Hop hop) {
        return hops.getOrDefault(hop, LatencySummary.empty());
    }

    public LatencySummary endToEnd() {
        return hop(Hop.endToEnd());
    }

    /** At least 95 % of the target rate, and 99 % of the episodes through end to end within one second. */
    public boolean passed() {
        return !endToEnd().isEmpty()
                && achievedRate >= REQUIRED_SHARE_OF_TARGET * targetRate
                && endToEnd().p99Millis() <= MAX_END_TO_END_P99_MILLIS;
    }
}
