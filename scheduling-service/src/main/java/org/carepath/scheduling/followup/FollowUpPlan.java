package org.carepath.scheduling.followup;

import java.util.List;

/** New follow-ups to store (PENDING), existing ones to replace (now CANCELLED), and the rule IDs that fired. */
public record FollowUpPlan(String episodeId, List<FollowUp> scheduled, List<FollowUp> cancelled, List<String> rules) {

    public FollowUpPlan {
        scheduled = List.copyOf(scheduled);
        cancelled = List.copyOf(cancelled);
        rules = List.copyOf(rules);
    }
}
