package org.carepath.triage.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.carepath.triage.rules.Reports.REPORTED_AT;

import java.time.Instant;
import java.util.List;
import org.carepath.events.intake.CheckInRecorded;
import org.carepath.events.intake.FindingRecorded;
import org.carepath.events.intake.StructuralCause;
import org.carepath.events.intake.Symptom;
import org.carepath.events.triage.CarePlanStep;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.TriageDecided;
import org.carepath.triage.rules.CheckIns;
import org.carepath.triage.rules.DecisionInput;
import org.carepath.triage.rules.Findings;
import org.carepath.triage.rules.Reports;
import org.carepath.triage.rules.TriageEngine;
import org.carepath.triage.rules.TriageThresholds;
import org.junit.jupiter.api.Test;

class EpisodePathwayTest {

    private final TriageEngine engine = new TriageEngine(TriageThresholds.defaults());

    @Test
    void opensWithTheReportAndDecisionVersionOne() {
        PathwayTransition.Decided opened =
                EpisodePathway.open(Reports.acuteLifting().reported(), REPORTED_AT, engine);

        assertThat(opened.pathway().episodeId()).isEqualTo(Reports.EPISODE_ID);
        assertThat(opened.pathway().decisions()).containsExactly(opened.decision());
        assertThat(opened.decision().version()).isEqualTo(1);
        assertThat(opened.pathway().closed()).isFalse();
    }

    @Test
    void numbersDecisionsOneTwoThreeFromReportToCheckInToFinding() {
        EpisodePathway reported = open();
        CheckInRecorded checkIn = CheckIns.improving(2, 4);
        FindingRecorded finding = Findings.structural(5, StructuralCause.HERNIATED_DISC);

        EpisodePathway checkedIn =
                decided(reported.recordCheckIn(checkIn, at(2), engine)).pathway();
        PathwayTransition.Decided found = decided(checkedIn.recordFinding(finding, at(5), engine));

        assertThat(found.pathway().decisions())
                .extracting(TriageDecided::version)
                .containsExactly(1, 2, 3);
        assertThat(found.pathway().decisions())
                .extracting(TriageDecided::decidedAt)
                .containsExactly(REPORTED_AT, at(2), at(5));
        assertThat(found.pathway().checkIns()).containsExactly(checkIn);
        assertThat(found.pathway().findings()).containsExactly(finding);
        assertThat(found.pathway().latestDecision()).isEqualTo(found.decision());
        // what each decision answered: ER-HOLD lasts until a decision on a finding
        assertThat(found.pathway().decisionInputs())
                .containsExactly(DecisionInput.REPORT, DecisionInput.CHECK_IN, DecisionInput.FINDING);
    }

    @Test
    void aPathwayStoredBeforeDecisionInputsWereKeptReadsItsLaterDecisionsAsCheckInsSoAHoldHolds() {
        EpisodePathway checkedIn = decided(open().recordCheckIn(CheckIns.improving(2, 4), at(2), engine))
                .pathway();

        EpisodePathway stored = new EpisodePathway(
                checkedIn.episodeId(),
                checkedIn.report(),
                checkedIn.checkIns(),
                checkedIn.findings(),
                checkedIn.decisions(),
                null);

        assertThat(stored.decisionInputs()).containsExactly(DecisionInput.REPORT, DecisionInput.CHECK_IN);
    }

    @Test
    void leavesTheEarlierStateUntouched() {
        EpisodePathway reported = open();

        decided(reported.recordCheckIn(CheckIns.improving(2, 4), at(2), engine));

        assertThat(reported.checkIns()).isEmpty();
        assertThat(reported.decisions()).hasSize(1);
        assertThatThrownBy(() -> reported.decisions().add(reported.latestDecision()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void closesWhenTheEpisodeRecovers() {
        PathwayTransition.Decided recovered = decided(open().recordCheckIn(CheckIns.improving(5, 1), at(5), engine));

        assertThat(recovered.decision().disposition()).isEqualTo(Disposition.RECOVERED);
        assertThat(recovered.decision().rules()).contains("FU-RECOVERED");
        assertThat(recovered.pathway().closed()).isTrue();
    }

    @Test
    void refusesACheckInWithoutRedFlagOnceRecovered() {
        EpisodePathway recovered = recovered();

        PathwayTransition transition = recovered.recordCheckIn(CheckIns.notImproving(8, 6), at(8), engine);

        assertThat(transition).isEqualTo(new PathwayTransition.Refused(recovered, Refusal.EPISODE_CLOSED));
    }

    @Test
    void refusesAFindingOnceRecovered() {
        EpisodePathway recovered = recovered();

        PathwayTransition transition =
                recovered.recordFinding(Findings.structural(8, StructuralCause.HERNIATED_DISC), at(8), engine);

        assertThat(transition).isEqualTo(new PathwayTransition.Refused(recovered, Refusal.EPISODE_CLOSED));
    }

    @Test
    void reopensARecoveredEpisodeAsEmergencyOnARedFlag() {
        PathwayTransition.Decided reopened =
                decided(recovered().recordCheckIn(CheckIns.on(8, 3, true, Symptom.WEAKNESS_LEGS), at(8), engine));

        assertThat(reopened.decision().version()).isEqualTo(3);
        assertThat(reopened.decision().disposition()).isEqualTo(Disposition.EMERGENCY);
        assertThat(reopened.decision().redFlags()).containsExactly("ER-4");
        assertThat(reopened.decision().rules()).contains("ER-4", "FU-RED");
        assertThat(reopened.pathway().closed()).isFalse();
    }

    @Test
    void refusesARedeliveredCheckInOrFinding() {
        CheckInRecorded checkIn = CheckIns.improving(2, 4);
        FindingRecorded finding = Findings.noStructuralCause(3, 1, false);
        EpisodePathway pathway = decided(decided(open().recordCheckIn(checkIn, at(2), engine))
                        .pathway()
                        .recordFinding(finding, at(3), engine))
                .pathway();

        assertThat(pathway.recordCheckIn(checkIn, at(4), engine))
                .isEqualTo(new PathwayTransition.Refused(pathway, Refusal.ALREADY_RECORDED));
        assertThat(pathway.recordFinding(finding, at(4), engine))
                .isEqualTo(new PathwayTransition.Refused(pathway, Refusal.ALREADY_RECORDED));
    }

    @Test
    void refusesAnInputOfAnotherEpisode() {
        EpisodePathway pathway = open();
        CheckInRecorded elsewhere = new CheckInRecorded("ep-other", "ci-x", at(2), 3, true, List.of(), false);

        assertThat(pathway.recordCheckIn(elsewhere, at(2), engine))
                .isEqualTo(new PathwayTransition.Refused(pathway, Refusal.OTHER_EPISODE));
    }

    @Test
    void addsPhysicalTherapyOnceAndKeepsItInTheCarePlan() {
        EpisodePathway first = decided(open().recordCheckIn(CheckIns.improving(2, 4), at(2), engine))
                .pathway();
        TriageDecided second = decided(first.recordCheckIn(CheckIns.improving(4, 3), at(4), engine))
                .decision();

        assertThat(first.latestDecision().rules()).contains("FU-PT", "CC-PT");
        assertThat(second.rules()).contains("CC-PT").doesNotContain("FU-PT");
        assertThat(second.carePlan()).extracting(CarePlanStep::code).contains("CC-PT");
    }

    @Test
    void comparesAWorseningCheckInWithThePreviousPainScore() {
        EpisodePathway better = decided(open().recordCheckIn(CheckIns.improving(2, 3), at(2), engine))
                .pathway();

        TriageDecided worse = decided(better.recordCheckIn(CheckIns.notImproving(4, 4), at(4), engine))
                .decision();

        assertThat(worse.rules()).contains("FU-WORSE");
        assertThat(worse.disposition()).isEqualTo(Disposition.SPECIALIST_REFERRAL);
    }

    private EpisodePathway open() {
        return EpisodePathway.open(Reports.plainAcute().reported(), REPORTED_AT, engine)
                .pathway();
    }

    private EpisodePathway recovered() {
        return decided(open().recordCheckIn(CheckIns.improving(5, 1), at(5), engine))
                .pathway();
    }

    private static Instant at(int daysAfterReport) {
        return REPORTED_AT.plusSeconds(daysAfterReport * 86_400L);
    }

    private static PathwayTransition.Decided decided(PathwayTransition transition) {
        assertThat(transition).isInstanceOf(PathwayTransition.Decided.class);
        return (PathwayTransition.Decided) transition;
    }
}
