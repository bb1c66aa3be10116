package org.carepath.triage.rules;

import java.util.List;
import org.carepath.events.intake.Bothersomeness;
import org.carepath.events.intake.StartBack;
import org.carepath.events.triage.StartBackRisk;

/** §11 The Keele STarT Back Screening Tool: total score 0–9, distress subscale (items 5–9) 0–5. */
final class StartBackScreen {

    private static final int HIGH_SUBSCALE = 4; // SB-HIGH
    private static final int MEDIUM_TOTAL = 4; // SB-MEDIUM

    private StartBackScreen() {}

    /**
     * @param risk {@code null} when the report has no STarT Back answers
     * @param rule the SB-* rule that fired, {@code null} with no answers
     */
    record Screened(StartBackRisk risk, String rule, List<String> assumptions) {

        boolean addsPhysicalTherapy() {
            return risk == StartBackRisk.HIGH || risk == StartBackRisk.MEDIUM;
        }
    }

    static Screened screen(StartBack answers) {
        if (answers == null) {
            return new Screened(null, null, List.of("no STarT Back answers: risk not stratified (SB-*)"));
        }
        List<String> assumptions = List.of();
        boolean bothersome;
        if (answers.bothersomeness() == null) {
            // the safer answer: the point counts, which can only raise the risk
            bothersome = true;
            assumptions = List.of("STarT Back item 9 (bothersomeness) missing: scored as 1 point");
        } else {
            bothersome = answers.bothersomeness() == Bothersomeness.VERY_MUCH
                    || answers.bothersomeness() == Bothersomeness.EXTREMELY;
        }
        int subscale = points(
                answers.notSafeToBeActive(),
                answers.worryingThoughts(),
                answers.terribleNeverBetter(),
                answers.notEnjoyed(),
                bothersome);
        int total = subscale
                + points(
                        answers.legPain(),
                        answers.shoulderNeckPain(),
                        answers.walkedShortDistances(),
                        answers.dressedSlowly());
        if (subscale >= HIGH_SUBSCALE) {
            return new Screened(StartBackRisk.HIGH, "SB-HIGH", assumptions);
        }
        if (total >= MEDIUM_TOTAL) {
            return new Screened(StartBackRisk.MEDIUM, "SB-MEDIUM", assumptions);
        }
        return new Screened(StartBackRisk.LOW, "SB-LOW", assumptions);
    }

    private static int points(boolean... agreed) {
        int points = 0;
        for (boolean item : agreed) {
            if (item) {
                points++;
            }
        }
        return points;
    }
}
