package org.carepath.triage.rules;

import static org.carepath.events.intake.Symptom.RADIATING_LEG_PAIN;
import static org.carepath.events.intake.Symptom.TINGLING_LEGS;

import java.util.List;
import org.carepath.events.intake.KnownCondition;

/** §4 Specialist referral: any one of these makes the disposition at least SPECIALIST_REFERRAL. */
final class ReferralRules {

    private static final int TWO_WEEKS_DAYS = 14; // SP-1: "more than two weeks"

    // every reported episode is new back pain, so a known cancer history is enough
    static final Rule<ClinicalPicture> SP5 =
            new Rule<>("SP-5", picture -> picture.knows(KnownCondition.CANCER_HISTORY));

    static final List<Rule<ClinicalPicture>> RULES = List.of(
            new Rule<>(
                    "SP-1",
                    picture -> picture.durationDays() > TWO_WEEKS_DAYS
                            && picture.history().homeCareTried()),
            new Rule<>(
                    "SP-2",
                    picture -> picture.frequentSpasms() || picture.history().worsening()),
            new Rule<>("SP-3", picture -> picture.hasAny(TINGLING_LEGS, RADIATING_LEG_PAIN)),
            new Rule<>("SP-4", picture -> picture.history().interferesWithDailyActivities()),
            SP5);

    private ReferralRules() {}

    static List<String> firing(ClinicalPicture picture) {
        return Rule.idsFiring(RULES, picture);
    }
}
