package org.carepath.triage.rules;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.carepath.events.intake.CheckInRecorded;
import org.carepath.events.intake.Symptom;

/** Object Mother for check-ins of episode {@link Reports#EPISODE_ID}, timed in days after the report. */
public final class CheckIns {

    private CheckIns() {}

    public static CheckInRecorded on(int daysAfterReport, int painScore, boolean improving, Symptom... symptoms) {
        return checkIn(daysAfterReport, painScore, improving, false, symptoms);
    }

    public static CheckInRecorded afterPhysicalTherapy(int daysAfterReport, int painScore, boolean improving) {
        return checkIn(daysAfterReport, painScore, improving, true);
    }

    public static CheckInRecorded improving(int daysAfterReport, int painScore) {
        return on(daysAfterReport, painScore, true);
    }

    public static CheckInRecorded notImproving(int daysAfterReport, int painScore) {
        return on(daysAfterReport, painScore, false);
    }

    private static CheckInRecorded checkIn(
            int daysAfterReport, int painScore, boolean improving, boolean ptCompleted, Symptom... symptoms) {
        return new CheckInRecorded(
                Reports.EPISODE_ID,
                "ci-" + daysAfterReport + "-" + painScore + "-" + improving + "-" + ptCompleted + "-"
                        + Arrays.toString(symptoms),
                Reports.REPORTED_AT.plus(Duration.ofDays(daysAfterReport)),
                painScore,
                improving,
                List.of(symptoms),
                ptCompleted);
    }
}
