package org.carepath.triage.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.carepath.events.intake.CheckInRecorded;
import org.carepath.events.intake.FindingRecorded;
import org.carepath.events.intake.KnownCondition;
import org.carepath.events.intake.PainLocation;
import org.carepath.events.intake.StartBack;
import org.carepath.events.intake.StructuralCause;
import org.carepath.events.intake.Symptom;
import org.carepath.events.intake.Trigger;
import org.carepath.events.triage.Classification;

/**
 * What triage knows about an episode at one decision: the report's facts, the check-ins and findings so far, and the
 * new input. Missing inputs are already replaced by their safer answers, listed in {@code assumptions}.
 *
 * @param ageYears age at report time, {@code null} when the birth date is missing
 * @param observedAt the new input's time: durations count up to it
 * @param painScore the newest pain score (the latest check-in's, else the report's)
 * @param previousPainScore the pain score before the new check-in (FU-WORSE); equals painScore otherwise
 * @param symptoms every symptom the report and the check-ins so far named
 * @param latestSigns the newest patient input alone (report or latest check-in): the red-flag screen reads it
 * @param checkIn the new check-in, {@code null} unless this decision answers one
 * @param input what this decision answers: red flags are screened on patient input only
 * @param emergencyHold the open episode has been EMERGENCY and no finding has been recorded since (ER-HOLD)
 * @param onPhysicalTherapy an earlier decision of the open episode already holds CC-PT
 * @param ptCompleted a check-in so far says physical therapy is completed
 */
record ClinicalPicture(
        String episodeId,
        Instant observedAt,
        Integer ageYears,
        LocalDate onsetDate,
        Instant onsetInstant,
        long durationDays,
        int painScore,
        int previousPainScore,
        PainLocation painLocation,
        Set<Symptom> symptoms,
        PatientSigns latestSigns,
        Set<Trigger> triggers,
        KnownHistory history,
        StartBack startBack,
        List<FindingRecorded> findings,
        CheckInRecorded checkIn,
        DecisionInput input,
        boolean emergencyHold,
        boolean onPhysicalTherapy,
        boolean ptCompleted,
        TriageThresholds thresholds,
        List<String> assumptions) {

    private static final Duration COLD_PHASE = Duration.ofHours(48); // CC-COLD, CC-HEAT

    ClinicalPicture {
        symptoms = Set.copyOf(symptoms);
        triggers = Set.copyOf(triggers);
        findings = List.copyOf(findings);
        assumptions = List.copyOf(assumptions);
    }

    Classification classification() {
        return ClassificationRules.classify(this);
    }

    boolean lastsWeeks() {
        return durationDays >= thresholds.chronicAfterDays();
    }

    boolean frequentSpasms() {
        return history.episodesLast12Months() >= thresholds.frequentEpisodesPerYear();
    }

    boolean severePain() {
        return painScore >= thresholds.severePainScore();
    }

    boolean has(Symptom symptom) {
        return symptoms.contains(symptom);
    }

    boolean hasAny(Symptom... wanted) {
        return Arrays.stream(wanted).anyMatch(symptoms::contains);
    }

    /** Nerve involvement: SP-3's signs and the red-flag ones (ER-4, ER-5). */
    boolean nerveSigns() {
        return hasAny(
                Symptom.RADIATING_LEG_PAIN,
                Symptom.TINGLING_LEGS,
                Symptom.NUMBNESS_LEGS,
                Symptom.WEAKNESS_LEGS,
                Symptom.SADDLE_NUMBNESS);
    }

    boolean has(Trigger trigger) {
        return triggers.contains(trigger);
    }

    boolean afterTrauma() {
        return has(Trigger.FALL) || has(Trigger.CAR_ACCIDENT);
    }

    boolean knows(KnownCondition condition) {
        return history.knownConditions().contains(condition);
    }

    boolean painAt(PainLocation location) {
        return painLocation == location;
    }

    /** An unknown age counts as reaching the bar: the consideration is then shown rather than hidden. */
    boolean ageAtLeast(int years) {
        return ageYears == null || ageYears >= years;
    }

    boolean withinColdPhase() {
        return observedAt.isBefore(coldPhaseEnds());
    }

    Instant coldPhaseEnds() {
        return onsetInstant.plus(COLD_PHASE);
    }

    boolean answersCheckIn() {
        return checkIn != null;
    }

    boolean conservativeCareFailed() {
        return findings.stream().anyMatch(FindingRecorded::conservativeCareFailed);
    }

    /**
     * The latest finding shows no structural cause and no failed conservative care: the specialist has seen the
     * patient, which lifts FU-KEEP's hold of an SP-5 or SU-* referral.
     */
    boolean latestFindingClearsReferral() {
        if (findings.isEmpty()) {
            return false;
        }
        FindingRecorded latest = findings.get(findings.size() - 1);
        return latest.structuralCause() == StructuralCause.NONE && !latest.conservativeCareFailed();
    }
}
