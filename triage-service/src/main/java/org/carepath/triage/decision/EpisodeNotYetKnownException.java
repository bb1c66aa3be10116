package org.carepath.triage.decision;

/**
 * A check-in or finding arrived before its episode's report. Reports and check-ins travel on different topics,
 * so this can be a matter of moments: the binder retries with back-off, then dead-letters it.
 */
class EpisodeNotYetKnownException extends RuntimeException {

    EpisodeNotYetKnownException(String episodeId) {
        super("episode " + episodeId + " has no report yet");
    }
}
