package org.carepath.triage.rules;

import static org.carepath.events.intake.KnownCondition.DEGENERATIVE_DISC_DISEASE;
import static org.carepath.events.intake.KnownCondition.FIBROMYALGIA;
import static org.carepath.events.intake.KnownCondition.HERNIATED_DISC;
import static org.carepath.events.intake.KnownCondition.KIDNEY_STONES;
import static org.carepath.events.intake.KnownCondition.SPINAL_ARTHRITIS;
import static org.carepath.events.intake.PainLocation.FLANK;
import static org.carepath.events.intake.PainLocation.UPPER_BACK;
import static org.carepath.events.intake.PainLocation.WIDESPREAD;
import static org.carepath.events.intake.Symptom.PAIN_AFTER_MEALS;
import static org.carepath.events.intake.Symptom.RADIATING_LEG_PAIN;
import static org.carepath.events.intake.Symptom.STIFFNESS;
import static org.carepath.events.intake.Symptom.URINARY_SYMPTOMS;

import java.util.List;
import org.carepath.events.triage.Classification;
import org.carepath.events.triage.Consideration;

/** §6 Conditions that feel similar: they add considerations for the clinician and never lower a disposition. */
final class ConsiderationRules {

    private static final int ARTHRITIS_AGE = 50; // DX-ARTHRITIS

    private record ConsiderationRule(Rule<ClinicalPicture> rule, Consideration consideration) {}

    private static final List<ConsiderationRule> RULES = List.of(
            new ConsiderationRule(
                    new Rule<>("DX-SCIATICA", p -> p.has(RADIATING_LEG_PAIN) || p.knows(HERNIATED_DISC)),
                    Consideration.SCIATICA),
            new ConsiderationRule(
                    new Rule<>("DX-KIDNEY", p -> p.painAt(FLANK) || p.has(URINARY_SYMPTOMS) || p.knows(KIDNEY_STONES)),
                    Consideration.KIDNEY_STONE_OR_INFECTION),
            new ConsiderationRule(
                    new Rule<>("DX-GALLBLADDER", p -> p.painAt(UPPER_BACK) && p.has(PAIN_AFTER_MEALS)),
                    Consideration.GALLBLADDER),
            new ConsiderationRule(
                    new Rule<>(
                            "DX-ARTHRITIS",
                            p -> p.knows(SPINAL_ARTHRITIS)
                                    || p.knows(DEGENERATIVE_DISC_DISEASE)
                                    || (p.ageAtLeast(ARTHRITIS_AGE)
                                            && p.has(STIFFNESS)
                                            && p.classification() == Classification.CHRONIC)),
                    Consideration.SPINAL_ARTHRITIS_OR_DDD),
            new ConsiderationRule(
                    new Rule<>("DX-FIBRO", p -> p.painAt(WIDESPREAD) || p.knows(FIBROMYALGIA)),
                    Consideration.FIBROMYALGIA));

    private ConsiderationRules() {}

    record Considered(List<String> rules, List<Consideration> considerations) {}

    static Considered consider(ClinicalPicture picture) {
        List<ConsiderationRule> firing =
                RULES.stream().filter(dx -> dx.rule().firesFor(picture)).toList();
        return new Considered(
                firing.stream().map(dx -> dx.rule().id()).toList(),
                firing.stream().map(ConsiderationRule::consideration).toList());
    }
}
