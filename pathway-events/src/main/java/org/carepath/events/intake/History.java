package org.carepath.events.intake;

import java.util.List;

/**
 * The patient's history as reported. A field the patient did not give is {@code null}: unknown, never silently
 * {@code false} or {@code 0} (clinical-rules.md, amended 2026-12); triage states what it assumes for it.
 */
public record History(
        Integer episodesLast12Months,
        Boolean worsening,
        Boolean homeCareTried,
        Boolean interferesWithDailyActivities,
        List<KnownCondition> knownConditions,
        Boolean mriContraindicated) {}
