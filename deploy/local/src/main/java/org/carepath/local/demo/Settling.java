package org.carepath.local.demo;

import java.time.Duration;

/**
 * Decides when an episode's pathway has stopped changing: it has a triage decision and the four answers have
 * stayed the same for a quiet period. Without an estimate (an emergency books nothing) it waits longer, since
 * billing may still be on its way.
 */
final class Settling {

    static final Duration QUIET = Duration.ofSeconds(3);
    static final Duration QUIET_WITHOUT_ESTIMATE = Duration.ofSeconds(10);

    private PathwaySnapshot latest;
    private Duration unchangedSince = Duration.ZERO;

    /** @param at time since the demo began watching */
    void observe(PathwaySnapshot snapshot, Duration at) {
        if (!snapshot.equals(latest)) {
            latest = snapshot;
            unchangedSince = at;
        }
    }

    boolean isSettled(Duration at) {
        if (latest == null || !latest.hasTriage()) {
            return false;
        }
        Duration quiet = at.minus(unchangedSince);
        return quiet.compareTo(latest.hasEstimate() ? QUIET : QUIET_WITHOUT_ESTIMATE) >= 0;
    }

    boolean hasSeenAnything() {
        return latest != null;
    }

    PathwaySnapshot latest() {
        return latest;
    }
}
