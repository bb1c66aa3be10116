package org.carepath.triage.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.carepath.events.intake.CheckInRecorded;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.FindingRecorded;
import org.carepath.events.triage.Classification;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.EpisodeContext;
import org.carepath.events.triage.StartBackRisk;
import org.carepath.events.triage.TriageDecided;
import org.carepath.triage.rules.CarePlanRules.CarePlan;
import org.carepath.triage.rules.CarePlanRules.PhysicalTherapy;
import org.carepath.triage.rules.ConsiderationRules.Considered;
import org.carepath.triage.rules.FollowUpRules.FollowUp;
import org.carepath.triage.rules.ImagingRules.Imaging;
import org.carepath.triage.rules.StartBackScreen.Screened;
import org.carepath.triage.rules.SurgicalRules.Surgical;

/**
 * The clinical rules of clinical-rules.md §1–11. Each decision is a pure function of the episode so far, the new
 * input, the decision time and the thresholds: the same arguments always give the same decision. Every decision
 * cites the rule IDs that fired ({@code rules}, never empty) and the values and safer assumptions it used.
 *
 * <p>Re-triage reads the whole episode: the report's facts, every symptom named so far, the newest pain score, every
 * finding, and the duration up to the new input's time. The red-flag screen reads patient input only, the report or
 * the new check-in alone, so an emergency that has been acted on does not repeat on every later input; a red flag
 * brought by a check-in is FU-RED, and a finding never fires one (it is assessed by §9 on the episode so far). Once
 * EMERGENCY, a milder check-in keeps the episode at SPECIALIST_REFERRAL until a finding (ER-HOLD). A referral made
 * earlier in the open episode stands until the episode recovers: a later, milder re-triage keeps it and says so.
 */
public final class TriageEngine {

    private final TriageThresholds thresholds;

    public TriageEngine(TriageThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    public TriageThresholds thresholds() {
        return thresholds;
    }

    /** Version 1 of an episode: the triage of its report. */
    public TriageDecided decideReport(EpisodeReported report, Instant now) {
        return decide(ClinicalPictures.atReport(report, now, thresholds), report, List.of(), now);
    }

    /** The re-triage a check-in causes (FU-* on top of §2–7 and §9, §11). {@code soFar} excludes the check-in. */
    public TriageDecided decideCheckIn(EpisodeSoFar soFar, CheckInRecorded checkIn, Instant now) {
        Objects.requireNonNull(checkIn, "checkIn");
        return decide(
                ClinicalPictures.atCheckIn(soFar, checkIn, now, thresholds), soFar.report(), soFar.decisions(), now);
    }

    /** The re-triage a finding causes (SU-* on top of §2–7, §11). {@code soFar} excludes the finding. */
    public TriageDecided decideFinding(EpisodeSoFar soFar, FindingRecorded finding, Instant now) {
        Objects.requireNonNull(finding, "finding");
        return decide(
                ClinicalPictures.atFinding(soFar, finding, now, thresholds), soFar.report(), soFar.decisions(), now);
    }

    /** The red-flag rule IDs (ER-*) a check-in raises on its own: what may reopen a RECOVERED episode (§10). */
    public List<String> redFlagsRaisedBy(EpisodeReported report, CheckInRecorded checkIn) {
        return RedFlagRules.raisedBy(ClinicalPictures.signsOf(report, Objects.requireNonNull(checkIn), thresholds));
    }

    private TriageDecided decide(
            ClinicalPicture picture, EpisodeReported report, List<TriageDecided> earlier, Instant now) {
        Objects.requireNonNull(now, "now");
        List<String> redFlags =
                picture.input().fromPatient() ? RedFlagRules.raisedBy(picture.latestSigns()) : List.of();
        boolean emergencyHold = EmergencyHold.RULE.firesFor(picture);
        Classification classification = picture.classification();
        List<String> referrals = ReferralRules.firing(picture);
        Surgical surgical = SurgicalRules.evaluate(picture);
        Imaging imaging = ImagingRules.recommend(picture, surgical.surgicalPlanning());
        Considered considered = ConsiderationRules.consider(picture);
        FollowUp followUp = FollowUpRules.evaluate(picture);
        Screened startBack = StartBackScreen.screen(picture.startBack());

        List<String> assumptions = new ArrayList<>(thresholds.asAssumptions());
        assumptions.addAll(picture.assumptions());
        assumptions.addAll(surgical.assumptions());
        assumptions.addAll(startBack.assumptions());

        Disposition fresh = freshDisposition(redFlags, referrals, surgical, followUp);
        if (emergencyHold) {
            fresh = Precedence.mostUrgent(fresh, Disposition.SPECIALIST_REFERRAL); // ER-HOLD, urgent as SP-5
        }
        Disposition disposition = keepStandingReferral(fresh, earlier, assumptions);
        CarePlan plan = disposition == Disposition.EMERGENCY
                ? new CarePlan(List.of(), List.of())
                : CarePlanRules.plan(
                        picture,
                        new PhysicalTherapy(
                                classification == Classification.CHRONIC
                                        || startBack.addsPhysicalTherapy()
                                        || followUp.startsPhysicalTherapy()
                                        || picture.onPhysicalTherapy(),
                                startBack.risk() == StartBackRisk.HIGH));

        // cited in the order of clinical-rules.md
        List<String> rules = new ArrayList<>(redFlags);
        if (emergencyHold) {
            rules.add(EmergencyHold.ID);
        }
        rules.add(ClassificationRules.ruleFor(classification));
        rules.addAll(referrals);
        rules.addAll(imaging.rules());
        rules.addAll(considered.rules());
        rules.addAll(plan.rules());
        rules.addAll(followUp.rules());
        rules.addAll(surgical.rules());
        if (startBack.rule() != null) {
            rules.add(startBack.rule());
        }
        return new TriageDecided(
                picture.episodeId(),
                earlier.size() + 1,
                now,
                disposition,
                classification,
                startBack.risk(),
                redFlags,
                imaging.recommendations(),
                considered.considerations(),
                surgical.procedures(),
                plan.steps(),
                List.copyOf(rules),
                List.copyOf(assumptions),
                contextOf(report, picture));
    }

    private static Disposition freshDisposition(
            List<String> redFlags, List<String> referrals, Surgical surgical, FollowUp followUp) {
        if (!redFlags.isEmpty()) {
            return Disposition.EMERGENCY; // ER-*, FU-RED: outranks everything
        }
        if (followUp.disposition() == Disposition.RECOVERED) {
            return Disposition.RECOVERED; // FU-RECOVERED ends the episode
        }
        Disposition disposition = Disposition.CONSERVATIVE_CARE;
        if (!referrals.isEmpty()) {
            disposition = Disposition.SPECIALIST_REFERRAL; // SP-*
        }
        disposition = Precedence.mostUrgent(disposition, surgical.disposition());
        return Precedence.mostUrgent(disposition, followUp.disposition());
    }

    /** §10: a later decision never silently drops a referral the open episode already made. */
    private static Disposition keepStandingReferral(
            Disposition fresh, List<TriageDecided> earlier, List<String> assumptions) {
        if (fresh == Disposition.EMERGENCY || fresh == Disposition.RECOVERED) {
            return fresh;
        }
        TriageDecided standing = OpenEpisode.decisionsSinceRecovery(earlier).stream()
                .filter(decision -> Precedence.isReferral(decision.disposition()))
                .min(Comparator.comparing(TriageDecided::disposition))
                .orElse(null);
        if (standing == null || Precedence.mostUrgent(fresh, standing.disposition()) == fresh) {
            return fresh;
        }
        assumptions.add(standing.disposition() + " of version " + standing.version()
                + " still stands: a referral is kept until the episode recovers (§10)");
        return standing.disposition();
    }

    private static EpisodeContext contextOf(EpisodeReported report, ClinicalPicture picture) {
        var patient = report.patient();
        return new EpisodeContext(
                patient == null ? null : patient.region(),
                picture.onsetDate(),
                patient == null ? null : patient.contact(),
                report.triggers() == null
                        ? List.of()
                        : report.triggers().stream().filter(Objects::nonNull).toList(),
                report.coverage(),
                report.patientId());
    }
}
