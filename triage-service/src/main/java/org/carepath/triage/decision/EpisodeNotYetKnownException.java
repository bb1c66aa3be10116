package org.carepath.triage.decision;

import org.carepath.platform.messaging.RetryLaterException;

/**
 * A check-in or finding arrived before its episode's report. Reports and check-ins travel on different topics,
 * so this can be a matter of moments: it is retried for a while, then dead-lettered.
 */
class EpisodeNotYetKnownException extends RetryLaterException {

    EpisodeNotYetKnownException(String episodeId) {
        super("episode " + episodeId + " has no report yet");
    }
}
