package org.carepath.clinicview.episode;

import java.util.Comparator;
import org.carepath.events.scheduling.FollowUpState;
import org.carepath.events.scheduling.FollowUpUpdated;

/** Which of two updates of one follow-up tells its current state, whatever order they arrived in. */
final class FollowUpStates {

    private static final Comparator<FollowUpUpdated> CURRENT = Comparator.comparing(
                    (FollowUpUpdated update) -> update.status() == FollowUpState.PENDING ? 0 : 1)
            .thenComparing(FollowUpUpdated::dueAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(update -> String.valueOf(update.status()));

    private FollowUpStates() {}

    static boolean supersedes(FollowUpUpdated candidate, FollowUpUpdated known) {
        return CURRENT.compare(candidate, known) > 0;
    }
}
