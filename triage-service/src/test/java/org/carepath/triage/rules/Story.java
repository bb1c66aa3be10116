package org.carepath.triage.rules;

import java.util.ArrayList;
import java.util.List;
import org.carepath.events.intake.CheckInRecorded;
import org.carepath.events.intake.FindingRecorded;
import org.carepath.events.triage.TriageDecided;
import org.carepath.triage.pathway.EpisodePathway;
import org.carepath.triage.pathway.PathwayTransition;

/**
 * An episode told as its inputs: a report, then check-ins and findings in order, each decided at its own recorded
 * time. Immutable.
 */
public record Story(ReportFixture report, List<Step> steps) {

    /** One later input offered to the pathway. */
    @FunctionalInterface
    public interface Step {
        PathwayTransition offerTo(EpisodePathway pathway, TriageEngine engine);
    }

    public Story {
        steps = List.copyOf(steps);
    }

    public static Story reported(ReportFixture report) {
        return new Story(report, List.of());
    }

    public Story thenCheckIn(CheckInRecorded checkIn) {
        return then((pathway, engine) -> pathway.recordCheckIn(checkIn, checkIn.recordedAt(), engine));
    }

    public Story thenFinding(FindingRecorded finding) {
        return then((pathway, engine) -> pathway.recordFinding(finding, finding.recordedAt(), engine));
    }

    /** The pathway after every input. Fails if the pathway refuses one. */
    public EpisodePathway pathway(TriageEngine engine) {
        EpisodePathway pathway = EpisodePathway.open(report.reported(), report.reportedAt(), engine)
                .pathway();
        for (Step step : steps) {
            PathwayTransition transition = step.offerTo(pathway, engine);
            if (transition instanceof PathwayTransition.Refused refused) {
                throw new IllegalStateException("the story's input was refused: " + refused.refusal());
            }
            pathway = transition.pathway();
        }
        return pathway;
    }

    /** Every decision of the story, oldest first. */
    public List<TriageDecided> decisions(TriageEngine engine) {
        return pathway(engine).decisions();
    }

    public TriageDecided lastDecision(TriageEngine engine) {
        return pathway(engine).latestDecision();
    }

    private Story then(Step step) {
        List<Step> more = new ArrayList<>(steps);
        more.add(step);
        return new Story(report, more);
    }
}
