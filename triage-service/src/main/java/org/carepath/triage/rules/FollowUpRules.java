package org.carepath.triage.rules;

import java.util.List;
import org.carepath.events.triage.Classification;
import org.carepath.events.triage.Disposition;

/**
 * §8 Follow-up: the rules a check-in adds to the re-triage. They read the new check-in, and FU-KEEP the referrals
 * that stand in the episode so far.
 */
final class FollowUpRules {

    private static final int RECOVERED_PAIN = 2; // FU-RECOVERED, FU-2WK
    private static final int PT_PAIN = 4; // FU-PT
    private static final int TWO_WEEKS_DAYS = 14; // FU-2WK

    static final Rule<ClinicalPicture> RED = new Rule<>(
            "FU-RED",
            p -> p.answersCheckIn() && !RedFlagRules.raisedBy(p.latestSigns()).isEmpty());
    static final Rule<ClinicalPicture> RECOVERED = new Rule<>(
            "FU-RECOVERED",
            p -> p.answersCheckIn()
                    && p.painScore() <= RECOVERED_PAIN
                    && p.checkIn().improving());
    /**
     * FU-KEEP (added 2026-12): a check-in that meets FU-RECOVERED does not close the episode while an SP-5, ER-HOLD
     * or SU-* referral stands. A later finding with no structural cause and no failed conservative care lifts the
     * SP-5 and SU-* hold; any finding lifts ER-HOLD.
     */
    static final Rule<ClinicalPicture> KEEP =
            new Rule<>("FU-KEEP", p -> RECOVERED.firesFor(p) && FollowUpRules.referralStands(p));

    static final Rule<ClinicalPicture> WORSE = new Rule<>(
            "FU-WORSE", p -> p.answersCheckIn() && !p.checkIn().improving() && p.painScore() > p.previousPainScore());
    // FU-2WK is SP-1 as a check-in shows it: the patient has followed the care plan for two weeks
    static final Rule<ClinicalPicture> TWO_WEEKS = new Rule<>(
            "FU-2WK", p -> p.answersCheckIn() && p.durationDays() >= TWO_WEEKS_DAYS && p.painScore() > RECOVERED_PAIN);
    // "stay CONSERVATIVE_CARE": PT joins an open care plan, never an emergency or a recovery
    static final Rule<ClinicalPicture> PHYSICAL_THERAPY = new Rule<>(
            "FU-PT",
            p -> p.answersCheckIn()
                    && p.classification() == Classification.ACUTE
                    && p.painScore() <= PT_PAIN
                    && !p.onPhysicalTherapy()
                    && !p.ptCompleted()
                    && !RED.firesFor(p)
                    && !RECOVERED.firesFor(p));

    private static final List<Rule<ClinicalPicture>> RULES =
            List.of(RED, RECOVERED, WORSE, TWO_WEEKS, PHYSICAL_THERAPY, KEEP);

    private FollowUpRules() {}

    /**
     * @param disposition what the check-in calls for, {@code null} when it calls for no change
     */
    record FollowUp(List<String> rules, Disposition disposition, boolean startsPhysicalTherapy) {}

    static FollowUp evaluate(ClinicalPicture picture) {
        List<String> rules = Rule.idsFiring(RULES, picture);
        if (rules.contains(KEEP.id())) {
            // the check-in met FU-RECOVERED, but FU-KEEP is what it does: the episode stays open
            rules = rules.stream().filter(id -> !id.equals(RECOVERED.id())).toList();
        }
        Disposition disposition = null;
        if (rules.contains(RED.id())) {
            disposition = Disposition.EMERGENCY;
        } else if (rules.contains(RECOVERED.id())) {
            disposition = Disposition.RECOVERED;
        } else if (rules.contains(WORSE.id()) || rules.contains(TWO_WEEKS.id())) {
            disposition = Disposition.SPECIALIST_REFERRAL;
        }
        return new FollowUp(rules, disposition, rules.contains(PHYSICAL_THERAPY.id()));
    }

    private static boolean referralStands(ClinicalPicture picture) {
        if (picture.emergencyHold()) {
            return true; // ER-HOLD
        }
        if (picture.latestFindingClearsReferral()) {
            return false;
        }
        return ReferralRules.SP5.firesFor(picture)
                || SurgicalRules.evaluate(picture).disposition() != null;
    }
}
