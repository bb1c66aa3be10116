package org.carepath.events.intake;

import java.util.List;

public record History(
        int episodesLast12Months,
        boolean worsening,
        boolean homeCareTried,
        boolean interferesWithDailyActivities,
        List<KnownCondition> knownConditions,
        boolean mriContraindicated) {}
