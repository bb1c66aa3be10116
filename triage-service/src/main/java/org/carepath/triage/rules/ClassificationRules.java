package org.carepath.triage.rules;

import org.carepath.events.triage.Classification;

/** §3 Classification: exactly one of CL-ACUTE and CL-CHRONIC fires. */
final class ClassificationRules {

    static final Rule<ClinicalPicture> ACUTE =
            new Rule<>("CL-ACUTE", picture -> !picture.lastsWeeks() && !picture.frequentSpasms());
    static final Rule<ClinicalPicture> CHRONIC =
            new Rule<>("CL-CHRONIC", picture -> picture.lastsWeeks() || picture.frequentSpasms());

    private ClassificationRules() {}

    static Classification classify(ClinicalPicture picture) {
        return CHRONIC.firesFor(picture) ? Classification.CHRONIC : Classification.ACUTE;
    }

    static String ruleFor(Classification classification) {
        return classification == Classification.CHRONIC ? CHRONIC.id() : ACUTE.id();
    }
}
