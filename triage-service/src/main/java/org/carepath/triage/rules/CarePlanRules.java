package org.carepath.triage.rules;

import java.time.Instant;
import java.util.List;
import java.util.function.BiPredicate;
import org.carepath.events.intake.Symptom;
import org.carepath.events.intake.Trigger;
import org.carepath.events.triage.CarePlanStep;

/** §7 The conservative care plan: every non-emergency decision carries its steps, in the order of §7. */
final class CarePlanRules {

    static final String REST = "CC-REST";
    static final String PHYSICAL_THERAPY = "CC-PT";

    private static final String PSYCHOLOGICALLY_INFORMED =
            "psychologically informed physical therapy (STarT Back high risk): stretching and strengthening";

    /**
     * Why CC-PT is in the plan, if it is: CHRONIC, STarT Back medium or high risk (SB-*), FU-PT, or an earlier
     * decision of the open episode that already holds it.
     */
    record PhysicalTherapy(boolean indicated, boolean psychologicallyInformed) {}

    private enum Timing {
        OPEN_ENDED,
        FIRST_48_HOURS,
        FROM_48_HOURS
    }

    private record Step(
            String id, String instruction, BiPredicate<ClinicalPicture, PhysicalTherapy> when, Timing timing) {}

    private static final List<Step> STEPS = List.of(
            new Step(
                    REST,
                    "stay lightly active and modify the activities that trigger pain; avoid prolonged bed rest",
                    (p, pt) -> true,
                    Timing.OPEN_ENDED),
            new Step(
                    "CC-COLD",
                    "ice 10-20 minutes, several times a day, for the first 48 hours after onset",
                    (p, pt) -> p.withinColdPhase(),
                    Timing.FIRST_48_HOURS),
            // always planned: its timing starts it 48 hours after onset, when the ice phase ends
            new Step(
                    "CC-HEAT",
                    "warm compress or heating pad to relax the muscles",
                    (p, pt) -> true,
                    Timing.FROM_48_HOURS),
            new Step(
                    "CC-OTC",
                    "over-the-counter acetaminophen or ibuprofen; ask a doctor before taking medication",
                    (p, pt) -> true,
                    Timing.OPEN_ENDED),
            new Step(
                    "CC-RELAX",
                    "clinician review for a muscle relaxant (severe pain not responding to home care)",
                    (p, pt) -> p.severePain() && p.history().homeCareTried(),
                    Timing.OPEN_ENDED),
            new Step(
                    PHYSICAL_THERAPY,
                    "physical therapy: stretching and strengthening",
                    (p, pt) -> pt.indicated(),
                    Timing.OPEN_ENDED),
            new Step(
                    "CC-HYDRATE",
                    "hydrate; balanced diet with potassium, calcium and magnesium",
                    (p, pt) -> p.has(Trigger.DEHYDRATION) || p.has(Symptom.CRAMPING),
                    Timing.OPEN_ENDED),
            new Step(
                    "CC-STRETCH",
                    "child's pose, knee-to-chest and cat-cow stretches once pain allows",
                    (p, pt) -> true,
                    Timing.OPEN_ENDED),
            new Step("CC-STRESS", "stress management", (p, pt) -> p.has(Trigger.STRESS), Timing.OPEN_ENDED),
            new Step(
                    "CC-PREVENT",
                    "prevention: good posture, core strength, safe lifting technique, healthy weight",
                    (p, pt) -> true,
                    Timing.OPEN_ENDED));

    private CarePlanRules() {}

    record CarePlan(List<String> rules, List<CarePlanStep> steps) {}

    static CarePlan plan(ClinicalPicture picture, PhysicalTherapy physicalTherapy) {
        List<Step> steps = STEPS.stream()
                .filter(step -> step.when().test(picture, physicalTherapy))
                .toList();
        return new CarePlan(
                steps.stream().map(Step::id).toList(),
                steps.stream()
                        .map(step -> toCarePlanStep(step, picture, physicalTherapy))
                        .toList());
    }

    private static CarePlanStep toCarePlanStep(Step step, ClinicalPicture picture, PhysicalTherapy physicalTherapy) {
        String instruction = step.id().equals(PHYSICAL_THERAPY) && physicalTherapy.psychologicallyInformed()
                ? PSYCHOLOGICALLY_INFORMED
                : step.instruction();
        return new CarePlanStep(step.id(), instruction, from(step.timing(), picture), until(step.timing(), picture));
    }

    private static Instant from(Timing timing, ClinicalPicture picture) {
        return switch (timing) {
            case OPEN_ENDED -> null;
            case FIRST_48_HOURS -> picture.onsetInstant();
            case FROM_48_HOURS -> picture.coldPhaseEnds();
        };
    }

    private static Instant until(Timing timing, ClinicalPicture picture) {
        return timing == Timing.FIRST_48_HOURS ? picture.coldPhaseEnds() : null;
    }
}
