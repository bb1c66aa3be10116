package org.carepath.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carepath.events.intake.Symptom.FEVER;
import static org.carepath.events.intake.Symptom.NUMBNESS_LEGS;
import static org.carepath.events.intake.Symptom.TINGLING_LEGS;
import static org.carepath.triage.rules.Reports.acuteLifting;
import static org.carepath.triage.rules.Reports.chronicPostural;
import static org.carepath.triage.rules.Reports.plainAcute;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.stream.Stream;
import org.carepath.events.intake.StructuralCause;
import org.carepath.events.triage.CandidateProcedure;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.TriageDecided;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * §10 EMERGENCY > SURGICAL_CONSULT > CHEMODENERVATION_CONSULT > SPECIALIST_REFERRAL > CONSERVATIVE_CARE, across the
 * rules of one decision and across the versions of an episode.
 */
class PrecedenceTest {

    private final TriageEngine engine = new TriageEngine(TriageThresholds.defaults());

    @ParameterizedTest
    @MethodSource("stories")
    void decidesTheMostUrgentDispositionThatStillHolds(Story story, Disposition expected) {
        assertThat(story.lastDecision(engine).disposition()).isEqualTo(expected);
    }

    static Stream<Arguments> stories() {
        Story disc = Story.reported(acuteLifting())
                .thenFinding(Findings.structuralAfterFailedCare(7, StructuralCause.HERNIATED_DISC));
        Story worse = Story.reported(plainAcute()).thenCheckIn(CheckIns.notImproving(2, 7));
        return Stream.of(
                argumentSet(
                        "a red flag outranks a nerve-sign referral",
                        Story.reported(acuteLifting().withSymptoms(TINGLING_LEGS, FEVER)),
                        Disposition.EMERGENCY),
                argumentSet(
                        "a finding after a red-flag report is assessed by §9, never re-fires the red flag",
                        Story.reported(acuteLifting().withSymptoms(NUMBNESS_LEGS))
                                .thenFinding(Findings.structuralAfterFailedCare(1, StructuralCause.HERNIATED_DISC)),
                        Disposition.SURGICAL_CONSULT),
                argumentSet(
                        "a red-flag check-in outranks a surgical consult",
                        disc.thenCheckIn(CheckIns.on(8, 4, true, FEVER)),
                        Disposition.EMERGENCY),
                argumentSet(
                        "a surgical consult outranks chemodenervation",
                        Story.reported(chronicPostural())
                                .thenFinding(Findings.noStructuralCause(7, 2, true))
                                .thenFinding(Findings.structural(9, StructuralCause.SPINAL_STENOSIS)),
                        Disposition.SURGICAL_CONSULT),
                argumentSet(
                        "chemodenervation outranks a specialist referral",
                        Story.reported(chronicPostural().interferingWithDailyActivities())
                                .thenFinding(Findings.noStructuralCause(7, 1, true)),
                        Disposition.CHEMODENERVATION_CONSULT),
                argumentSet(
                        "a specialist referral outranks conservative care",
                        Story.reported(acuteLifting().gettingWorse()),
                        Disposition.SPECIALIST_REFERRAL),
                argumentSet(
                        "a referral stands on a later, milder check-in",
                        worse.thenCheckIn(CheckIns.improving(4, 4)),
                        Disposition.SPECIALIST_REFERRAL),
                argumentSet(
                        "a surgical consult stands on a later, milder check-in",
                        disc.thenCheckIn(CheckIns.improving(9, 4)),
                        Disposition.SURGICAL_CONSULT),
                argumentSet(
                        "a finding without structural cause stays on the current pathway",
                        worse.thenFinding(Findings.noStructuralCause(5, 1, false)),
                        Disposition.SPECIALIST_REFERRAL),
                argumentSet(
                        "recovery ends a standing referral",
                        worse.thenCheckIn(CheckIns.improving(6, 2)),
                        Disposition.RECOVERED),
                argumentSet(
                        "an emergency acted on does not repeat without a new red flag, and ER-HOLD keeps the referral",
                        Story.reported(acuteLifting().withSymptoms(FEVER)).thenCheckIn(CheckIns.improving(3, 3)),
                        Disposition.SPECIALIST_REFERRAL));
    }

    @Test
    void saysWhyAStandingReferralIsKept() {
        TriageDecided decision = Story.reported(plainAcute())
                .thenCheckIn(CheckIns.notImproving(2, 7))
                .thenCheckIn(CheckIns.improving(4, 4))
                .lastDecision(engine);

        assertThat(decision.rules()).doesNotContain("FU-WORSE");
        assertThat(decision.assumptions()).anyMatch(a -> a.startsWith("SPECIALIST_REFERRAL of version 2 still stands"));
    }

    @Test
    void keepsImagingOnAnEmergencyForTheReceivingHospital() {
        TriageDecided decision =
                Story.reported(acuteLifting().withSymptoms(NUMBNESS_LEGS)).lastDecision(engine);

        assertThat(decision.redFlags()).containsExactly("ER-4");
        assertThat(decision.rules()).contains("ER-4", "IM-MRI");
        assertThat(decision.carePlan()).isEmpty();
    }

    @Test
    void theHospitalsFindingAfterAnEmergencyLeadsToASurgicalConsultWithoutRepeatingTheRedFlag() {
        TriageDecided decision = Story.reported(acuteLifting().withSymptoms(NUMBNESS_LEGS))
                .thenFinding(Findings.structural(1, StructuralCause.HERNIATED_DISC))
                .lastDecision(engine);

        assertThat(decision.disposition()).isEqualTo(Disposition.SURGICAL_CONSULT);
        assertThat(decision.redFlags()).isEmpty();
        assertThat(decision.rules()).doesNotContain("ER-4").contains("SU-DISC", "IM-MRI", "IM-CT");
        assertThat(decision.candidateProcedures())
                .extracting(CandidateProcedure::cpt)
                .containsExactly("63030");
        assertThat(decision.carePlan()).isNotEmpty();
    }
}
