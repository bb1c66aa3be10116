package org.carepath.triage.rules;

import java.util.List;
import org.carepath.events.intake.CheckInRecorded;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.FindingRecorded;
import org.carepath.events.triage.TriageDecided;

/** What an episode has recorded before a new input arrives: the state a re-triage reads. Oldest first. */
public interface EpisodeSoFar {

    EpisodeReported report();

    List<CheckInRecorded> checkIns();

    List<FindingRecorded> findings();

    List<TriageDecided> decisions();

    /** What each decision answered, parallel to {@link #decisions()}: ER-HOLD lasts until a finding. */
    List<DecisionInput> decisionInputs();
}
