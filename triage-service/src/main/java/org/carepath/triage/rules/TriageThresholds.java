package org.carepath.triage.rules;

import java.util.List;

/**
 * The thresholds clinical-rules.md marks <em>(chosen)</em>: configuration, not code. Every decision lists the values
 * that were in force in its {@code assumptions}.
 *
 * @param severePainScore NRS score from which pain counts as severe (ER-2, CC-RELAX)
 * @param chronicAfterDays days of pain from which an episode is CHRONIC (CL-ACUTE, CL-CHRONIC)
 * @param frequentEpisodesPerYear episodes in the last 12 months from which spasms recur frequently (CL-CHRONIC, SP-2)
 * @param mriAfterDays days of pain from which MRI is recommended (IM-MRI)
 */
public record TriageThresholds(
        int severePainScore, int chronicAfterDays, int frequentEpisodesPerYear, int mriAfterDays) {

    public TriageThresholds {
        if (severePainScore < 1 || severePainScore > 10) {
            throw new IllegalArgumentException("severePainScore must be 1..10 on the NRS, was " + severePainScore);
        }
        requirePositive("chronicAfterDays", chronicAfterDays);
        requirePositive("frequentEpisodesPerYear", frequentEpisodesPerYear);
        requirePositive("mriAfterDays", mriAfterDays);
    }

    /** The values clinical-rules.md chose. */
    public static TriageThresholds defaults() {
        return new TriageThresholds(7, 14, 3, 21);
    }

    /** The values in force, as a clinician reads them in a decision's assumptions. */
    List<String> asAssumptions() {
        return List.of(
                "severe pain = NRS >= " + severePainScore + " (ER-2, CC-RELAX)",
                "chronic = pain for >= " + chronicAfterDays + " days (CL-CHRONIC)",
                "frequent spasms = >= " + frequentEpisodesPerYear
                        + " episodes in the last 12 months (CL-CHRONIC, SP-2)",
                "MRI beyond a few weeks = pain for >= " + mriAfterDays + " days (IM-MRI)");
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
