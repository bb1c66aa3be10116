package org.carepath.triage.pathway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.carepath.events.intake.CheckInRecorded;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.FindingRecorded;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.TriageDecided;
import org.carepath.triage.rules.DecisionInput;
import org.carepath.triage.rules.EpisodeSoFar;
import org.carepath.triage.rules.TriageEngine;

/**
 * One episode's pathway: its report, the check-ins and findings recorded since, and every decision version (1, 2, 3…),
 * oldest first. Immutable: each transition guards the current state and returns the next one with the decision it
 * causes. A RECOVERED episode is closed (clinical-rules.md §10): it refuses findings and check-ins, except a check-in
 * with a red flag, which reopens it as EMERGENCY.
 *
 * @param decisionInputs what each decision answered, parallel to {@code decisions}; a pathway stored before they were
 *     kept reads its later decisions as check-ins, so an emergency hold (ER-HOLD) errs on the side of holding
 */
public record EpisodePathway(
        String episodeId,
        EpisodeReported report,
        List<CheckInRecorded> checkIns,
        List<FindingRecorded> findings,
        List<TriageDecided> decisions,
        List<DecisionInput> decisionInputs)
        implements EpisodeSoFar {

    public EpisodePathway {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(report, "report");
        checkIns = checkIns == null ? List.of() : List.copyOf(checkIns);
        findings = findings == null ? List.of() : List.copyOf(findings);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        decisionInputs = alignedInputs(decisionInputs, decisions.size());
    }

    /** Opens the pathway of a newly reported episode with decision version 1. */
    public static PathwayTransition.Decided open(EpisodeReported report, Instant now, TriageEngine engine) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(report.episodeId(), "report.episodeId");
        TriageDecided decision = engine.decideReport(report, now);
        EpisodePathway opened = new EpisodePathway(
                report.episodeId(), report, List.of(), List.of(), List.of(decision), List.of(DecisionInput.REPORT));
        return new PathwayTransition.Decided(opened, decision);
    }

    /** Re-triages on a patient's check-in (FU-*). */
    public PathwayTransition recordCheckIn(CheckInRecorded checkIn, Instant now, TriageEngine engine) {
        Objects.requireNonNull(checkIn, "checkIn");
        if (!episodeId.equals(checkIn.episodeId())) {
            return refused(Refusal.OTHER_EPISODE);
        }
        if (checkIn.checkInId() != null
                && checkIns.stream().anyMatch(known -> checkIn.checkInId().equals(known.checkInId()))) {
            return refused(Refusal.ALREADY_RECORDED);
        }
        if (closed() && engine.redFlagsRaisedBy(report, checkIn).isEmpty()) {
            return refused(Refusal.EPISODE_CLOSED);
        }
        TriageDecided decision = engine.decideCheckIn(this, checkIn, now);
        EpisodePathway next = new EpisodePathway(
                episodeId,
                report,
                appended(checkIns, checkIn),
                findings,
                appended(decisions, decision),
                appended(decisionInputs, DecisionInput.CHECK_IN));
        return new PathwayTransition.Decided(next, decision);
    }

    /** Re-triages on a specialist's or hospital system's finding (SU-*). */
    public PathwayTransition recordFinding(FindingRecorded finding, Instant now, TriageEngine engine) {
        Objects.requireNonNull(finding, "finding");
        if (!episodeId.equals(finding.episodeId())) {
            return refused(Refusal.OTHER_EPISODE);
        }
        if (finding.findingId() != null
                && findings.stream().anyMatch(known -> finding.findingId().equals(known.findingId()))) {
            return refused(Refusal.ALREADY_RECORDED);
        }
        if (closed()) {
            return refused(Refusal.EPISODE_CLOSED);
        }
        TriageDecided decision = engine.decideFinding(this, finding, now);
        EpisodePathway next = new EpisodePathway(
                episodeId,
                report,
                checkIns,
                appended(findings, finding),
                appended(decisions, decision),
                appended(decisionInputs, DecisionInput.FINDING));
        return new PathwayTransition.Decided(next, decision);
    }

    /** The current decision: the latest version. */
    public TriageDecided latestDecision() {
        return decisions.get(decisions.size() - 1);
    }

    /** A RECOVERED episode is closed until a check-in brings a red flag. */
    public boolean closed() {
        return !decisions.isEmpty() && latestDecision().disposition() == Disposition.RECOVERED;
    }

    private PathwayTransition.Refused refused(Refusal refusal) {
        return new PathwayTransition.Refused(this, refusal);
    }

    private static List<DecisionInput> alignedInputs(List<DecisionInput> inputs, int decisionCount) {
        if (inputs != null && inputs.size() == decisionCount) {
            return List.copyOf(inputs);
        }
        List<DecisionInput> aligned = new ArrayList<>();
        for (int i = 0; i < decisionCount; i++) {
            aligned.add(i == 0 ? DecisionInput.REPORT : DecisionInput.CHECK_IN);
        }
        return List.copyOf(aligned);
    }

    private static <T> List<T> appended(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.add(element);
        return List.copyOf(copy);
    }
}
