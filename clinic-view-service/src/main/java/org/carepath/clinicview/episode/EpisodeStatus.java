package org.carepath.clinicview.episode;

import org.carepath.events.triage.Disposition;

/** Where an episode stands, for the worklist: waiting for its first decision, on a pathway, or closed. */
public enum EpisodeStatus {
    AWAITING_TRIAGE,
    ACTIVE,
    CLOSED;

    public static EpisodeStatus of(EpisodeRecord record) {
        if (record.decision() == null) {
            return AWAITING_TRIAGE;
        }
        // Triage's FU-* rules close an episode as RECOVERED (clinical-rules.md).
        return record.decision().disposition() == Disposition.RECOVERED ? CLOSED : ACTIVE;
    }
}
