package org.carepath.triage.rules;

import java.util.List;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.TriageDecided;

/** The stretch of an episode that is still open: RECOVERED closes what came before it (§10). */
final class OpenEpisode {

    private OpenEpisode() {}

    static List<TriageDecided> decisionsSinceRecovery(List<TriageDecided> decisions) {
        for (int i = decisions.size() - 1; i >= 0; i--) {
            if (decisions.get(i).disposition() == Disposition.RECOVERED) {
                return decisions.subList(i + 1, decisions.size());
            }
        }
        return decisions;
    }
}
