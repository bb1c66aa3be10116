package org.carepath.triage.rules;

import java.util.List;
import org.carepath.events.intake.KnownCondition;

/**
 * The history the rules read: every field the patient left unknown already replaced by the value assumed for it,
 * and each such value listed in the decision's assumptions ({@link ClinicalPictures}).
 */
record KnownHistory(
        int episodesLast12Months,
        boolean worsening,
        boolean homeCareTried,
        boolean interferesWithDailyActivities,
        List<KnownCondition> knownConditions,
        boolean mriContraindicated) {

    KnownHistory {
        knownConditions = List.copyOf(knownConditions);
    }
}
