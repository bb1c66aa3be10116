package org.carepath.triage.rules;

import java.util.List;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.TriageDecided;

/**
 * ER-HOLD (clinical-rules.md §2, added 2026-12): once an episode has been EMERGENCY, a later check-in without a red
 * flag never lowers it below SPECIALIST_REFERRAL, until a finding has been recorded for the episode.
 */
final class EmergencyHold {

    static final String ID = "ER-HOLD";

    static final Rule<ClinicalPicture> RULE = new Rule<>(
            ID,
            p -> p.answersCheckIn()
                    && p.emergencyHold()
                    && RedFlagRules.raisedBy(p.latestSigns()).isEmpty());

    private EmergencyHold() {}

    /**
     * Whether the open episode (since its last recovery) has been EMERGENCY with no finding recorded after that.
     *
     * @param inputs what each decision answered, parallel to {@code decisions}
     */
    static boolean stands(List<TriageDecided> decisions, List<DecisionInput> inputs) {
        int lastEmergency = -1;
        for (int i = 0; i < decisions.size(); i++) {
            Disposition disposition = decisions.get(i).disposition();
            if (disposition == Disposition.EMERGENCY) {
                lastEmergency = i;
            } else if (disposition == Disposition.RECOVERED) {
                lastEmergency = -1;
            } else if (inputs.get(i) == DecisionInput.FINDING) {
                lastEmergency = -1; // the hospital or specialist has seen the patient
            }
        }
        return lastEmergency >= 0;
    }
}
