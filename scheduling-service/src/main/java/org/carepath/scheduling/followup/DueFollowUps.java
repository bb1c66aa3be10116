package org.carepath.scheduling.followup;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Which follow-ups are due: pending ones whose time has come, oldest due first. */
public final class DueFollowUps {

    private DueFollowUps() {}

    public static List<FollowUp> at(Instant now, List<FollowUp> followUps) {
        return followUps.stream()
                .filter(followUp -> followUp.isDueAt(now))
                .sorted(Comparator.comparing(FollowUp::dueAt).thenComparing(FollowUp::followUpId))
                .toList();
    }
}
