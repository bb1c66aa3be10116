package org.carepath.triage.rules;

import java.util.ArrayList;
import java.util.List;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.KnownCondition;
import org.carepath.events.triage.ImagingRecommendation;

/** §5 Imaging: "most cases don't require advanced imaging", so a modality is recommended only when a rule fires. */
final class ImagingRules {

    static final String XRAY = "IM-XRAY";
    static final String MRI = "IM-MRI";
    static final String CT = "IM-CT";

    private ImagingRules() {}

    record Imaging(List<String> rules, List<ImagingRecommendation> recommendations) {}

    /**
     * @param surgicalPlanning the structural rules (SU-*) that lead to a surgical consult now; empty when none
     */
    static Imaging recommend(ClinicalPicture picture, List<String> surgicalPlanning) {
        List<String> rules = new ArrayList<>();
        List<ImagingRecommendation> recommendations = new ArrayList<>();
        if (picture.afterTrauma() || picture.knows(KnownCondition.OSTEOPOROSIS)) {
            rules.add(XRAY);
            recommendations.add(new ImagingRecommendation(
                    ImagingModality.XRAY,
                    XRAY,
                    (picture.afterTrauma() ? "trauma" : "osteoporosis") + ": check alignment, rule out fracture"));
        }
        List<String> ctReasons = new ArrayList<>();
        if (mriIndicated(picture)) {
            rules.add(MRI);
            String why = mriReason(picture);
            if (picture.history().mriContraindicated()) {
                ctReasons.add("replaces the MRI indicated by " + why + " (IM-MRI): MRI is contraindicated");
            } else {
                recommendations.add(
                        new ImagingRecommendation(ImagingModality.MRI, MRI, why + ": discs, nerves, soft tissue"));
            }
        }
        if (!surgicalPlanning.isEmpty()) {
            ctReasons.add("surgical planning after a structural finding (" + String.join(", ", surgicalPlanning) + ")");
        }
        if (!ctReasons.isEmpty()) {
            rules.add(CT);
            recommendations.add(new ImagingRecommendation(ImagingModality.CT, CT, String.join("; ", ctReasons)));
        }
        return new Imaging(List.copyOf(rules), List.copyOf(recommendations));
    }

    private static boolean mriIndicated(ClinicalPicture picture) {
        return picture.durationDays() >= picture.thresholds().mriAfterDays() || picture.nerveSigns();
    }

    private static String mriReason(ClinicalPicture picture) {
        return picture.nerveSigns() ? "nerve signs" : "pain for " + picture.durationDays() + " days";
    }
}
