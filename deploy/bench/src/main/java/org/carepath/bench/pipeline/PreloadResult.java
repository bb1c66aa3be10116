package org.carepath.bench.pipeline;

/**
 * What the preload did.
 *
 * @param requested reports asked for
 * @param accepted reports intake answered 202
 * @param failed reports not accepted (an error status, a timeout, or not sent before the deadline)
 * @param firstFailure the first failure's reason, or null
 * @param postSeconds from the first POST to the last answer
 * @param drainSeconds from the last answer until the pipeline was through (or the bench stopped waiting)
 * @param through accepted episodes seen booked (or waitlisted) and estimated
 * @param drained whether the pipeline drained (everything through and no lag, or no lag and nothing moving)
 */
public record PreloadResult(
        int requested,
        int accepted,
        int failed,
        String firstFailure,
        double postSeconds,
        double drainSeconds,
        int through,
        boolean drained) {

    public double acceptedPerSecond() {
        return postSeconds <= 0 ? 0 : accepted / postSeconds;
    }

    public double throughPerSecond() {
        double total = postSeconds + drainSeconds;
        return total <= 0 ? 0 : through / total;
    }
}
