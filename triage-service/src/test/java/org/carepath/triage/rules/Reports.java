package org.carepath.triage.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carepath.events.intake.PainLocation;
import org.carepath.events.intake.Symptom;
import org.carepath.events.intake.Trigger;

/** Object Mother for reports. Every report is of episode {@link #EPISODE_ID}, reported at {@link #REPORTED_AT}. */
public final class Reports {

    public static final String EPISODE_ID = "ep-0001";
    /** 10:00 in New York on 2026-11-24. */
    public static final Instant REPORTED_AT = Instant.parse("2026-11-24T15:00:00Z");

    private Reports() {}

    /**
     * A first, acute episode after lifting: onset the day before the report (still in the first 48 hours), moderate
     * pain, no red flag, no referral sign, age 42, no STarT Back answers.
     */
    public static ReportFixture acuteLifting() {
        return new ReportFixture(
                EPISODE_ID,
                REPORTED_AT,
                LocalDate.of(1984, 3, 2),
                LocalDate.of(2026, 11, 23),
                5,
                PainLocation.LOWER_BACK,
                List.of(Symptom.CRAMPING, Symptom.STIFFNESS),
                List.of(Trigger.LIFTING),
                0,
                false,
                false,
                false,
                List.of(),
                false,
                null);
    }

    /** A month-long episode from poor posture at 62: CHRONIC and past the MRI threshold, still no red flag. */
    public static ReportFixture chronicPostural() {
        return acuteLifting()
                .withOnsetDaysAgo(30)
                .withAge(62)
                .withSymptoms(Symptom.STIFFNESS)
                .withTriggers(Trigger.POOR_POSTURE);
    }

    /** The acute lifting report without its cramping, so nothing but the always-on care steps fire. */
    public static ReportFixture plainAcute() {
        return acuteLifting().withSymptoms(Symptom.STIFFNESS).withOnsetDaysAgo(5);
    }
}
