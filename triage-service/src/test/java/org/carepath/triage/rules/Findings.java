package org.carepath.triage.rules;

import java.time.Duration;
import org.carepath.events.intake.FindingRecorded;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.StructuralCause;

/** Object Mother for findings of episode {@link Reports#EPISODE_ID}, timed in days after the report. */
public final class Findings {

    private Findings() {}

    /** A structural finding on MRI, conservative care not (yet) failed. */
    public static FindingRecorded structural(int daysAfterReport, StructuralCause cause) {
        return finding(daysAfterReport, cause, 1, false);
    }

    /** A structural finding on MRI after conservative care failed. */
    public static FindingRecorded structuralAfterFailedCare(int daysAfterReport, StructuralCause cause) {
        return finding(daysAfterReport, cause, 1, true);
    }

    /** No structural cause, over {@code levels} levels. */
    public static FindingRecorded noStructuralCause(int daysAfterReport, int levels, boolean conservativeCareFailed) {
        return finding(daysAfterReport, StructuralCause.NONE, levels, conservativeCareFailed);
    }

    private static FindingRecorded finding(
            int daysAfterReport, StructuralCause cause, int levels, boolean conservativeCareFailed) {
        return new FindingRecorded(
                Reports.EPISODE_ID,
                "fi-" + daysAfterReport + "-" + cause + "-" + levels + "-" + conservativeCareFailed,
                Reports.REPORTED_AT.plus(Duration.ofDays(daysAfterReport)),
                ImagingModality.MRI,
                cause,
                levels,
                conservativeCareFailed);
    }
}
