package org.carepath.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carepath.events.intake.KnownCondition.CANCER_HISTORY;
import static org.carepath.events.intake.KnownCondition.DEGENERATIVE_DISC_DISEASE;
import static org.carepath.events.intake.KnownCondition.FIBROMYALGIA;
import static org.carepath.events.intake.KnownCondition.HERNIATED_DISC;
import static org.carepath.events.intake.KnownCondition.KIDNEY_STONES;
import static org.carepath.events.intake.KnownCondition.OSTEOPOROSIS;
import static org.carepath.events.intake.KnownCondition.SPINAL_ARTHRITIS;
import static org.carepath.events.intake.PainLocation.FLANK;
import static org.carepath.events.intake.PainLocation.UPPER_BACK;
import static org.carepath.events.intake.PainLocation.WIDESPREAD;
import static org.carepath.events.intake.Symptom.BLADDER_BOWEL_LOSS;
import static org.carepath.events.intake.Symptom.FEVER;
import static org.carepath.events.intake.Symptom.NIGHT_PAIN;
import static org.carepath.events.intake.Symptom.NUMBNESS_LEGS;
import static org.carepath.events.intake.Symptom.PAIN_AFTER_MEALS;
import static org.carepath.events.intake.Symptom.RADIATING_LEG_PAIN;
import static org.carepath.events.intake.Symptom.SADDLE_NUMBNESS;
import static org.carepath.events.intake.Symptom.TINGLING_LEGS;
import static org.carepath.events.intake.Symptom.UNEXPLAINED_WEIGHT_LOSS;
import static org.carepath.events.intake.Symptom.URINARY_SYMPTOMS;
import static org.carepath.events.intake.Symptom.WEAKNESS_LEGS;
import static org.carepath.events.intake.Trigger.CAR_ACCIDENT;
import static org.carepath.events.intake.Trigger.DEHYDRATION;
import static org.carepath.events.intake.Trigger.FALL;
import static org.carepath.events.intake.Trigger.LIFTING;
import static org.carepath.events.intake.Trigger.STRESS;
import static org.carepath.events.intake.Trigger.WORKPLACE_INJURY;
import static org.carepath.triage.rules.Reports.acuteLifting;
import static org.carepath.triage.rules.Reports.chronicPostural;
import static org.carepath.triage.rules.Reports.plainAcute;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.StructuralCause;
import org.carepath.events.triage.CandidateProcedure;
import org.carepath.events.triage.CarePlanStep;
import org.carepath.events.triage.Classification;
import org.carepath.events.triage.Consideration;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.ImagingRecommendation;
import org.carepath.events.triage.StartBackRisk;
import org.carepath.events.triage.TriageDecided;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per rule ID and situation: every rule of clinical-rules.md fires in one row and stays silent in another. */
class ClinicalRulesTest {

    /** Every rule ID of clinical-rules.md §2–11. */
    static final List<String> ALL_RULE_IDS = List.of(
            "ER-1",
            "ER-2",
            "ER-3",
            "ER-4",
            "ER-5",
            "ER-HOLD",
            "CL-ACUTE",
            "CL-CHRONIC",
            "SP-1",
            "SP-2",
            "SP-3",
            "SP-4",
            "SP-5",
            "IM-XRAY",
            "IM-MRI",
            "IM-CT",
            "DX-SCIATICA",
            "DX-KIDNEY",
            "DX-GALLBLADDER",
            "DX-ARTHRITIS",
            "DX-FIBRO",
            "CC-REST",
            "CC-COLD",
            "CC-HEAT",
            "CC-OTC",
            "CC-RELAX",
            "CC-PT",
            "CC-HYDRATE",
            "CC-STRETCH",
            "CC-STRESS",
            "CC-PREVENT",
            "FU-RED",
            "FU-RECOVERED",
            "FU-WORSE",
            "FU-2WK",
            "FU-PT",
            "FU-KEEP",
            "SU-DISC",
            "SU-STENOSIS",
            "SU-INSTABILITY",
            "SU-CHEMO",
            "SU-NONE",
            "SB-HIGH",
            "SB-MEDIUM",
            "SB-LOW");

    private final TriageEngine engine = new TriageEngine(TriageThresholds.defaults());

    @ParameterizedTest
    @MethodSource("rows")
    void citesARuleExactlyWhenItsConditionHolds(
            String ruleId, Story story, boolean fires, Consumer<TriageDecided> effect) {
        TriageDecided decision = story.lastDecision(engine);

        if (fires) {
            assertThat(decision.rules()).contains(ruleId);
            effect.accept(decision);
        } else {
            assertThat(decision.rules()).doesNotContain(ruleId);
        }
    }

    @Test
    void everyRuleIdHasARowWhereItFiresAndOneWhereItMustNot() {
        Map<Boolean, Set<String>> idsByFiring = rows().map(Arguments::get)
                .collect(Collectors.partitioningBy(
                        row -> (Boolean) row[2], Collectors.mapping(row -> (String) row[0], Collectors.toSet())));

        assertThat(idsByFiring.get(true)).containsAll(ALL_RULE_IDS);
        assertThat(idsByFiring.get(false)).containsAll(ALL_RULE_IDS);
        assertThat(ALL_RULE_IDS).containsAll(idsByFiring.get(true));
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                        redFlags(),
                        redFlagsOnPatientInputOnly(),
                        emergencyHold(),
                        classification(),
                        referrals(),
                        imaging(),
                        considerations(),
                        carePlan(),
                        followUps(),
                        followUpKeep(),
                        surgical(),
                        startBack())
                .flatMap(rows -> rows);
    }

    private static Stream<Arguments> redFlags() {
        return Stream.of(
                fires(
                        "ER-1",
                        "sudden loss of bladder or bowel control",
                        acuteLifting().withSymptoms(BLADDER_BOWEL_LOSS),
                        emergencyWith("ER-1")),
                silent("ER-1", "bladder and bowel control kept", acuteLifting()),
                fires(
                        "ER-2",
                        "NRS 7 after a fall",
                        acuteLifting().withTriggers(FALL).withPain(7),
                        emergencyWith("ER-2")),
                fires(
                        "ER-2",
                        "NRS 10 after a car accident",
                        acuteLifting().withTriggers(CAR_ACCIDENT).withPain(10),
                        emergencyWith("ER-2")),
                silent(
                        "ER-2",
                        "NRS 6 after a fall is not severe",
                        acuteLifting().withTriggers(FALL).withPain(6)),
                fires(
                        "ER-2",
                        "NRS 7 after a workplace injury (amended 2026-12: \"a fall or injury\")",
                        acuteLifting().withTriggers(WORKPLACE_INJURY).withPain(7),
                        emergencyWith("ER-2")),
                silent(
                        "ER-2",
                        "NRS 6 after a workplace injury is not severe",
                        acuteLifting().withTriggers(WORKPLACE_INJURY).withPain(6)),
                silent(
                        "ER-2",
                        "NRS 9 after lifting is no injury",
                        acuteLifting().withTriggers(LIFTING).withPain(9)),
                fires("ER-3", "fever", acuteLifting().withSymptoms(FEVER), emergencyWith("ER-3")),
                fires(
                        "ER-3",
                        "unexplained weight loss",
                        acuteLifting().withSymptoms(UNEXPLAINED_WEIGHT_LOSS),
                        emergencyWith("ER-3")),
                fires("ER-3", "night pain", acuteLifting().withSymptoms(NIGHT_PAIN), emergencyWith("ER-3")),
                silent("ER-3", "no fever, weight loss or night pain", acuteLifting()),
                fires("ER-4", "numb legs", acuteLifting().withSymptoms(NUMBNESS_LEGS), emergencyWith("ER-4")),
                fires("ER-4", "weak legs", acuteLifting().withSymptoms(WEAKNESS_LEGS), emergencyWith("ER-4")),
                silent(
                        "ER-4",
                        "tingling legs are SP-3, not a red flag",
                        acuteLifting().withSymptoms(TINGLING_LEGS)),
                fires("ER-5", "saddle numbness", acuteLifting().withSymptoms(SADDLE_NUMBNESS), emergencyWith("ER-5")),
                silent("ER-5", "no saddle numbness", acuteLifting().withSymptoms(NUMBNESS_LEGS)));
    }

    /** §2 (amended 2026-12): red flags are screened on the report and check-ins, never re-fired by a finding. */
    private static Stream<Arguments> redFlagsOnPatientInputOnly() {
        Story weakLegs = Story.reported(acuteLifting().withSymptoms(WEAKNESS_LEGS));
        return Stream.of(
                silent(
                        "ER-4",
                        "a hospital finding after an ER-4 report is assessed by §9, the red flag is not re-fired",
                        weakLegs.thenFinding(Findings.structural(1, StructuralCause.HERNIATED_DISC))),
                silent(
                        "ER-4",
                        "a finding of no structural cause after an ER-4 report fires no red flag either",
                        weakLegs.thenFinding(Findings.noStructuralCause(1, 1, false))),
                fires(
                        "ER-4",
                        "a check-in naming weak legs again is patient input: screened, FU-RED",
                        weakLegs.thenCheckIn(CheckIns.on(2, 4, true, WEAKNESS_LEGS)),
                        emergencyWith("ER-4").andThen(decision -> assertThat(decision.rules())
                                .contains("FU-RED"))),
                fires(
                        "SU-DISC",
                        "the finding after the emergency, with the report's weak legs as nerve signs",
                        weakLegs.thenFinding(Findings.structural(1, StructuralCause.HERNIATED_DISC)),
                        disposition(Disposition.SURGICAL_CONSULT).andThen(procedure("63030", null))));
    }

    private static Stream<Arguments> emergencyHold() {
        Story emergency = Story.reported(acuteLifting().withSymptoms(WEAKNESS_LEGS));
        return Stream.of(
                fires(
                        "ER-HOLD",
                        "a mild check-in after an EMERGENCY",
                        emergency.thenCheckIn(CheckIns.improving(1, 3)),
                        disposition(Disposition.SPECIALIST_REFERRAL).andThen(decision -> assertThat(decision.redFlags())
                                .isEmpty())),
                fires(
                        "ER-HOLD",
                        "a second mild check-in, still no finding",
                        emergency.thenCheckIn(CheckIns.improving(1, 3)).thenCheckIn(CheckIns.improving(3, 2)),
                        disposition(Disposition.SPECIALIST_REFERRAL)),
                fires(
                        "ER-HOLD",
                        "after an FU-RED emergency brought by a check-in",
                        Story.reported(plainAcute())
                                .thenCheckIn(CheckIns.on(2, 4, true, FEVER))
                                .thenCheckIn(CheckIns.improving(3, 4)),
                        disposition(Disposition.SPECIALIST_REFERRAL)),
                silent("ER-HOLD", "the EMERGENCY decision itself", emergency),
                silent(
                        "ER-HOLD",
                        "a mild check-in of an episode that was never EMERGENCY",
                        Story.reported(plainAcute()).thenCheckIn(CheckIns.improving(2, 4))),
                silent(
                        "ER-HOLD",
                        "a finding has been recorded since the EMERGENCY",
                        emergency
                                .thenFinding(Findings.noStructuralCause(1, 1, false))
                                .thenCheckIn(CheckIns.improving(3, 3))),
                silent(
                        "ER-HOLD",
                        "a check-in with a red flag is FU-RED",
                        emergency.thenCheckIn(CheckIns.on(1, 4, true, NUMBNESS_LEGS))));
    }

    private static Stream<Arguments> followUpKeep() {
        Story cancer = Story.reported(acuteLifting().withKnownConditions(CANCER_HISTORY));
        Story disc = Story.reported(acuteLifting()).thenFinding(Findings.structural(3, StructuralCause.HERNIATED_DISC));
        Story emergency = Story.reported(acuteLifting().withSymptoms(NUMBNESS_LEGS));
        Consumer<TriageDecided> stillReferred = disposition(Disposition.SPECIALIST_REFERRAL)
                .andThen(decision -> assertThat(decision.rules()).doesNotContain("FU-RECOVERED"))
                .andThen(planHolds("CC-REST"));
        return Stream.of(
                fires(
                        "FU-KEEP",
                        "NRS 2 and improving with SP-5",
                        cancer.thenCheckIn(CheckIns.improving(4, 2)),
                        stillReferred),
                fires(
                        "FU-KEEP",
                        "NRS 1 and improving with an SU-DISC referral",
                        disc.thenCheckIn(CheckIns.improving(5, 1)),
                        stillReferred),
                fires(
                        "FU-KEEP",
                        "NRS 0 and improving under ER-HOLD",
                        emergency.thenCheckIn(CheckIns.improving(2, 0)),
                        stillReferred.andThen(
                                decision -> assertThat(decision.rules()).contains("ER-HOLD"))),
                silent(
                        "FU-KEEP",
                        "NRS 2 and improving with no referral standing: FU-RECOVERED closes",
                        Story.reported(plainAcute()).thenCheckIn(CheckIns.improving(3, 2))),
                silent(
                        "FU-KEEP",
                        "SP-5 lifted by a finding with no structural cause and no failed care",
                        cancer.thenFinding(Findings.noStructuralCause(3, 1, false))
                                .thenCheckIn(CheckIns.improving(4, 2))),
                silent(
                        "FU-KEEP",
                        "SU-DISC lifted by a later finding with no structural cause",
                        disc.thenFinding(Findings.noStructuralCause(4, 1, false))
                                .thenCheckIn(CheckIns.improving(5, 1))),
                silent(
                        "FU-KEEP",
                        "ER-HOLD lifted by a finding with no structural cause",
                        emergency
                                .thenFinding(Findings.noStructuralCause(1, 1, false))
                                .thenCheckIn(CheckIns.improving(2, 0))),
                silent("FU-KEEP", "NRS 3 does not meet FU-RECOVERED", cancer.thenCheckIn(CheckIns.improving(4, 3))),
                fires(
                        "FU-RECOVERED",
                        "the qualifying check-in after the hold is lifted closes the episode",
                        cancer.thenFinding(Findings.noStructuralCause(3, 1, false))
                                .thenCheckIn(CheckIns.improving(4, 2)),
                        disposition(Disposition.RECOVERED)));
    }

    private static Stream<Arguments> classification() {
        return Stream.of(
                fires(
                        "CL-ACUTE",
                        "pain for 13 days, first episode",
                        acuteLifting().withOnsetDaysAgo(13),
                        classified(Classification.ACUTE)),
                silent("CL-ACUTE", "pain for 14 days", acuteLifting().withOnsetDaysAgo(14)),
                silent("CL-ACUTE", "a third episode this year", acuteLifting().withEpisodesLast12Months(3)),
                fires(
                        "CL-CHRONIC",
                        "pain for 14 days",
                        acuteLifting().withOnsetDaysAgo(14),
                        classified(Classification.CHRONIC)),
                fires(
                        "CL-CHRONIC",
                        "a third episode this year",
                        acuteLifting().withEpisodesLast12Months(3),
                        classified(Classification.CHRONIC)),
                silent(
                        "CL-CHRONIC",
                        "13 days and a second episode",
                        acuteLifting().withOnsetDaysAgo(13).withEpisodesLast12Months(2)));
    }

    private static Stream<Arguments> referrals() {
        return Stream.of(
                fires(
                        "SP-1",
                        "pain for 15 days despite home care",
                        acuteLifting().withOnsetDaysAgo(15).afterHomeCare(),
                        disposition(Disposition.SPECIALIST_REFERRAL)),
                silent(
                        "SP-1",
                        "pain for exactly 14 days despite home care",
                        acuteLifting().withOnsetDaysAgo(14).afterHomeCare()),
                silent(
                        "SP-1",
                        "pain for 20 days without home care",
                        acuteLifting().withOnsetDaysAgo(20)),
                fires(
                        "SP-2",
                        "a third spasm this year",
                        acuteLifting().withEpisodesLast12Months(3),
                        disposition(Disposition.SPECIALIST_REFERRAL)),
                fires(
                        "SP-2",
                        "getting worse",
                        acuteLifting().gettingWorse(),
                        disposition(Disposition.SPECIALIST_REFERRAL)),
                silent(
                        "SP-2",
                        "a second spasm this year, not worse",
                        acuteLifting().withEpisodesLast12Months(2)),
                fires(
                        "SP-3",
                        "tingling legs",
                        acuteLifting().withSymptoms(TINGLING_LEGS),
                        disposition(Disposition.SPECIALIST_REFERRAL)),
                fires(
                        "SP-3",
                        "pain radiating down a leg",
                        acuteLifting().withSymptoms(RADIATING_LEG_PAIN),
                        disposition(Disposition.SPECIALIST_REFERRAL)),
                silent("SP-3", "numb legs are ER-4", acuteLifting().withSymptoms(NUMBNESS_LEGS)),
                fires(
                        "SP-4",
                        "pain interferes with work",
                        acuteLifting().interferingWithDailyActivities(),
                        disposition(Disposition.SPECIALIST_REFERRAL)),
                silent("SP-4", "daily activities unaffected", acuteLifting()),
                fires(
                        "SP-5",
                        "new back pain with a cancer history",
                        acuteLifting().withKnownConditions(CANCER_HISTORY),
                        disposition(Disposition.SPECIALIST_REFERRAL)),
                silent(
                        "SP-5",
                        "osteoporosis is no cancer history",
                        acuteLifting().withKnownConditions(OSTEOPOROSIS)));
    }

    private static Stream<Arguments> imaging() {
        return Stream.of(
                fires("IM-XRAY", "a fall", acuteLifting().withTriggers(FALL), imagingOf(ImagingModality.XRAY)),
                fires(
                        "IM-XRAY",
                        "a car accident",
                        acuteLifting().withTriggers(CAR_ACCIDENT),
                        imagingOf(ImagingModality.XRAY)),
                fires(
                        "IM-XRAY",
                        "osteoporosis",
                        acuteLifting().withKnownConditions(OSTEOPOROSIS),
                        imagingOf(ImagingModality.XRAY)),
                silent("IM-XRAY", "lifting, no osteoporosis", acuteLifting()),
                fires(
                        "IM-MRI",
                        "pain for 21 days",
                        acuteLifting().withOnsetDaysAgo(21),
                        imagingOf(ImagingModality.MRI)),
                fires(
                        "IM-MRI",
                        "pain radiating down a leg",
                        acuteLifting().withSymptoms(RADIATING_LEG_PAIN),
                        imagingOf(ImagingModality.MRI)),
                fires(
                        "IM-MRI",
                        "an emergency still carries its MRI",
                        acuteLifting().withSymptoms(SADDLE_NUMBNESS),
                        imagingOf(ImagingModality.MRI)),
                silent(
                        "IM-MRI",
                        "pain for 20 days, no nerve sign",
                        acuteLifting().withOnsetDaysAgo(20)),
                fires(
                        "IM-CT",
                        "MRI indicated but contraindicated",
                        acuteLifting().withSymptoms(RADIATING_LEG_PAIN).withMriContraindicated(),
                        imagingOf(ImagingModality.CT).andThen(noImagingOf(ImagingModality.MRI))),
                fires(
                        "IM-CT",
                        "surgical planning after a disc finding with failed care",
                        Story.reported(acuteLifting())
                                .thenFinding(Findings.structuralAfterFailedCare(7, StructuralCause.HERNIATED_DISC)),
                        imagingOf(ImagingModality.CT)),
                silent("IM-CT", "MRI indicated and safe", acuteLifting().withSymptoms(RADIATING_LEG_PAIN)),
                silent(
                        "IM-CT",
                        "a disc finding, conservative care not yet failed",
                        Story.reported(acuteLifting())
                                .thenFinding(Findings.structural(7, StructuralCause.HERNIATED_DISC))));
    }

    private static Stream<Arguments> considerations() {
        return Stream.of(
                fires(
                        "DX-SCIATICA",
                        "pain radiating down a leg",
                        acuteLifting().withSymptoms(RADIATING_LEG_PAIN),
                        considering(Consideration.SCIATICA)),
                fires(
                        "DX-SCIATICA",
                        "a known herniated disc",
                        acuteLifting().withKnownConditions(HERNIATED_DISC),
                        considering(Consideration.SCIATICA)),
                silent("DX-SCIATICA", "no leg pain, no disc history", acuteLifting()),
                fires(
                        "DX-KIDNEY",
                        "flank pain",
                        acuteLifting().withLocation(FLANK),
                        considering(Consideration.KIDNEY_STONE_OR_INFECTION)),
                fires(
                        "DX-KIDNEY",
                        "urinary symptoms",
                        acuteLifting().withSymptoms(URINARY_SYMPTOMS),
                        considering(Consideration.KIDNEY_STONE_OR_INFECTION)),
                fires(
                        "DX-KIDNEY",
                        "known kidney stones",
                        acuteLifting().withKnownConditions(KIDNEY_STONES),
                        considering(Consideration.KIDNEY_STONE_OR_INFECTION)),
                silent("DX-KIDNEY", "lower back, no urinary symptoms", acuteLifting()),
                fires(
                        "DX-GALLBLADDER",
                        "upper back pain after meals",
                        acuteLifting().withLocation(UPPER_BACK).withSymptoms(PAIN_AFTER_MEALS),
                        considering(Consideration.GALLBLADDER)),
                silent(
                        "DX-GALLBLADDER",
                        "upper back pain, not after meals",
                        acuteLifting().withLocation(UPPER_BACK)),
                silent(
                        "DX-GALLBLADDER",
                        "lower back pain after meals",
                        acuteLifting().withSymptoms(PAIN_AFTER_MEALS)),
                fires(
                        "DX-ARTHRITIS",
                        "known spinal arthritis",
                        acuteLifting().withKnownConditions(SPINAL_ARTHRITIS),
                        considering(Consideration.SPINAL_ARTHRITIS_OR_DDD)),
                fires(
                        "DX-ARTHRITIS",
                        "known degenerative disc disease",
                        acuteLifting().withKnownConditions(DEGENERATIVE_DISC_DISEASE),
                        considering(Consideration.SPINAL_ARTHRITIS_OR_DDD)),
                fires(
                        "DX-ARTHRITIS",
                        "62, stiff and chronic",
                        chronicPostural(),
                        considering(Consideration.SPINAL_ARTHRITIS_OR_DDD)),
                silent(
                        "DX-ARTHRITIS",
                        "49, stiff and chronic",
                        chronicPostural().withAge(49)),
                silent("DX-ARTHRITIS", "62, stiff but acute", chronicPostural().withOnsetDaysAgo(3)),
                fires(
                        "DX-FIBRO",
                        "widespread pain",
                        acuteLifting().withLocation(WIDESPREAD),
                        considering(Consideration.FIBROMYALGIA)),
                fires(
                        "DX-FIBRO",
                        "known fibromyalgia",
                        acuteLifting().withKnownConditions(FIBROMYALGIA),
                        considering(Consideration.FIBROMYALGIA)),
                silent("DX-FIBRO", "lower back, no fibromyalgia", acuteLifting()));
    }

    private static Stream<Arguments> carePlan() {
        ReportFixture emergency = acuteLifting().withSymptoms(BLADDER_BOWEL_LOSS);
        return Stream.of(
                fires("CC-REST", "any non-emergency decision", plainAcute(), planHolds("CC-REST")),
                silent("CC-REST", "an emergency carries no care plan", emergency),
                fires("CC-COLD", "onset 34 hours before the report", acuteLifting(), planHolds("CC-COLD")),
                silent(
                        "CC-COLD",
                        "onset 2 days before the report",
                        acuteLifting().withOnsetDaysAgo(2)),
                fires("CC-HEAT", "planned from 48 hours after onset", acuteLifting(), planHolds("CC-HEAT")),
                silent("CC-HEAT", "an emergency carries no care plan", emergency),
                fires("CC-OTC", "any non-emergency decision", plainAcute(), planHolds("CC-OTC")),
                silent("CC-OTC", "an emergency carries no care plan", emergency),
                fires(
                        "CC-RELAX",
                        "NRS 7 despite home care",
                        plainAcute().withPain(7).afterHomeCare(),
                        planHolds("CC-RELAX")),
                silent("CC-RELAX", "NRS 7, home care not tried", plainAcute().withPain(7)),
                silent(
                        "CC-RELAX",
                        "NRS 6 despite home care",
                        plainAcute().withPain(6).afterHomeCare()),
                fires("CC-PT", "CHRONIC at triage", chronicPostural(), planHolds("CC-PT")),
                fires(
                        "CC-PT",
                        "STarT Back medium risk",
                        plainAcute().withStartBack(StartBacks.mediumRisk()),
                        planHolds("CC-PT")),
                fires(
                        "CC-PT",
                        "ACUTE with a check-in at NRS 4",
                        Story.reported(plainAcute()).thenCheckIn(CheckIns.improving(2, 4)),
                        planHolds("CC-PT")),
                silent("CC-PT", "ACUTE at triage", plainAcute()),
                fires("CC-HYDRATE", "cramping", acuteLifting(), planHolds("CC-HYDRATE")),
                fires("CC-HYDRATE", "dehydration", plainAcute().withTriggers(DEHYDRATION), planHolds("CC-HYDRATE")),
                silent("CC-HYDRATE", "no cramping, no dehydration", plainAcute()),
                fires("CC-STRETCH", "any non-emergency decision", plainAcute(), planHolds("CC-STRETCH")),
                silent("CC-STRETCH", "an emergency carries no care plan", emergency),
                fires("CC-STRESS", "stress", plainAcute().withTriggers(STRESS), planHolds("CC-STRESS")),
                silent("CC-STRESS", "no stress trigger", plainAcute()),
                fires("CC-PREVENT", "any non-emergency decision", plainAcute(), planHolds("CC-PREVENT")),
                silent("CC-PREVENT", "an emergency carries no care plan", emergency));
    }

    private static Stream<Arguments> followUps() {
        Story reported = Story.reported(plainAcute());
        return Stream.of(
                fires(
                        "FU-RED",
                        "a check-in brings a fever",
                        reported.thenCheckIn(CheckIns.on(2, 4, true, FEVER)),
                        emergencyWith("ER-3")),
                silent("FU-RED", "a check-in without red flag", reported.thenCheckIn(CheckIns.improving(2, 4))),
                silent(
                        "FU-RED",
                        "a red flag at report is ER-*, not FU-RED",
                        acuteLifting().withSymptoms(FEVER)),
                fires(
                        "FU-RECOVERED",
                        "NRS 2 and improving",
                        reported.thenCheckIn(CheckIns.improving(3, 2)),
                        disposition(Disposition.RECOVERED)),
                silent("FU-RECOVERED", "NRS 2, not improving", reported.thenCheckIn(CheckIns.notImproving(3, 2))),
                silent("FU-RECOVERED", "NRS 3, improving", reported.thenCheckIn(CheckIns.improving(3, 3))),
                fires(
                        "FU-WORSE",
                        "NRS 5 to 6, not improving",
                        reported.thenCheckIn(CheckIns.notImproving(2, 6)),
                        disposition(Disposition.SPECIALIST_REFERRAL)),
                fires(
                        "FU-WORSE",
                        "compared with the previous check-in, not the report",
                        reported.thenCheckIn(CheckIns.improving(2, 3)).thenCheckIn(CheckIns.notImproving(4, 4)),
                        disposition(Disposition.SPECIALIST_REFERRAL)),
                silent("FU-WORSE", "NRS 5 to 6 but improving", reported.thenCheckIn(CheckIns.improving(2, 6))),
                silent("FU-WORSE", "NRS unchanged, not improving", reported.thenCheckIn(CheckIns.notImproving(2, 5))),
                fires(
                        "FU-2WK",
                        "NRS 3 at 14 days",
                        Story.reported(acuteLifting()).thenCheckIn(CheckIns.improving(13, 3)),
                        disposition(Disposition.SPECIALIST_REFERRAL)),
                silent(
                        "FU-2WK",
                        "NRS 5 at 13 days",
                        Story.reported(acuteLifting()).thenCheckIn(CheckIns.notImproving(12, 5))),
                silent(
                        "FU-2WK",
                        "NRS 2 at 20 days",
                        Story.reported(acuteLifting()).thenCheckIn(CheckIns.notImproving(19, 2))),
                fires(
                        "FU-PT",
                        "ACUTE at NRS 4, not yet on PT",
                        reported.thenCheckIn(CheckIns.improving(2, 4)),
                        planHolds("CC-PT").andThen(disposition(Disposition.CONSERVATIVE_CARE))),
                silent("FU-PT", "NRS 5", reported.thenCheckIn(CheckIns.improving(2, 5))),
                silent(
                        "FU-PT",
                        "already on PT from an earlier check-in",
                        reported.thenCheckIn(CheckIns.improving(2, 4)).thenCheckIn(CheckIns.improving(4, 3))),
                silent(
                        "FU-PT",
                        "physical therapy completed",
                        reported.thenCheckIn(CheckIns.afterPhysicalTherapy(2, 4, true))),
                silent(
                        "FU-PT",
                        "CHRONIC: CC-PT came at triage",
                        Story.reported(chronicPostural()).thenCheckIn(CheckIns.improving(2, 4))));
    }

    private static Stream<Arguments> surgical() {
        Story acute = Story.reported(acuteLifting());
        Story chronic = Story.reported(chronicPostural());
        return Stream.of(
                fires(
                        "SU-DISC",
                        "a herniated disc after failed conservative care",
                        acute.thenFinding(Findings.structuralAfterFailedCare(7, StructuralCause.HERNIATED_DISC)),
                        disposition(Disposition.SURGICAL_CONSULT).andThen(procedure("63030", null))),
                silent(
                        "SU-DISC",
                        "spinal stenosis",
                        acute.thenFinding(Findings.structural(7, StructuralCause.SPINAL_STENOSIS))),
                fires(
                        "SU-STENOSIS",
                        "spinal stenosis after failed conservative care",
                        acute.thenFinding(Findings.structuralAfterFailedCare(7, StructuralCause.SPINAL_STENOSIS)),
                        disposition(Disposition.SURGICAL_CONSULT).andThen(procedure("63047", null))),
                silent(
                        "SU-STENOSIS",
                        "a herniated disc",
                        acute.thenFinding(Findings.structural(7, StructuralCause.HERNIATED_DISC))),
                fires(
                        "SU-INSTABILITY",
                        "instability after failed conservative care",
                        acute.thenFinding(Findings.structuralAfterFailedCare(7, StructuralCause.INSTABILITY)),
                        disposition(Disposition.SURGICAL_CONSULT)
                                .andThen(procedure("22612", null))
                                .andThen(procedure("22630", null))),
                silent(
                        "SU-INSTABILITY",
                        "no structural cause",
                        acute.thenFinding(Findings.noStructuralCause(7, 1, false))),
                fires(
                        "SU-CHEMO",
                        "CHRONIC, nothing structural, care failed, one level",
                        chronic.thenFinding(Findings.noStructuralCause(7, 1, true)),
                        disposition(Disposition.CHEMODENERVATION_CONSULT).andThen(procedure("64646", null))),
                fires(
                        "SU-CHEMO",
                        "CHRONIC, nothing structural, care failed, two levels",
                        chronic.thenFinding(Findings.noStructuralCause(7, 2, true)),
                        disposition(Disposition.CHEMODENERVATION_CONSULT).andThen(procedure("64647", null))),
                silent(
                        "SU-CHEMO",
                        "ACUTE, nothing structural, care failed",
                        acute.thenFinding(Findings.noStructuralCause(3, 1, true))),
                silent(
                        "SU-CHEMO",
                        "CHRONIC, nothing structural, care not failed",
                        chronic.thenFinding(Findings.noStructuralCause(7, 1, false))),
                fires(
                        "SU-NONE",
                        "nothing structural: stay on the current pathway",
                        acute.thenFinding(Findings.noStructuralCause(3, 1, false)),
                        disposition(Disposition.CONSERVATIVE_CARE).andThen(noProcedures())),
                silent(
                        "SU-NONE",
                        "a herniated disc",
                        acute.thenFinding(Findings.structural(7, StructuralCause.HERNIATED_DISC))));
    }

    private static Stream<Arguments> startBack() {
        return Stream.of(
                fires(
                        "SB-HIGH",
                        "distress subscale 4",
                        plainAcute().withStartBack(StartBacks.highRisk()),
                        risk(StartBackRisk.HIGH).andThen(planHolds("CC-PT"))),
                silent("SB-HIGH", "subscale 3", plainAcute().withStartBack(StartBacks.justUnderBothBars())),
                fires(
                        "SB-MEDIUM",
                        "total 4, subscale 0",
                        plainAcute().withStartBack(StartBacks.mediumRisk()),
                        risk(StartBackRisk.MEDIUM).andThen(planHolds("CC-PT"))),
                silent("SB-MEDIUM", "subscale 4 is HIGH", plainAcute().withStartBack(StartBacks.highRisk())),
                silent("SB-MEDIUM", "total 3", plainAcute().withStartBack(StartBacks.justUnderBothBars())),
                fires(
                        "SB-LOW",
                        "total 1",
                        plainAcute().withStartBack(StartBacks.lowRisk()),
                        risk(StartBackRisk.LOW).andThen(planLacks("CC-PT"))),
                fires(
                        "SB-LOW",
                        "total 3, subscale 3",
                        plainAcute().withStartBack(StartBacks.justUnderBothBars()),
                        risk(StartBackRisk.LOW)),
                silent("SB-LOW", "total 4", plainAcute().withStartBack(StartBacks.mediumRisk())),
                silent("SB-LOW", "no STarT Back answers", plainAcute()));
    }

    private static Arguments fires(
            String ruleId, String situation, ReportFixture report, Consumer<TriageDecided> effect) {
        return fires(ruleId, situation, Story.reported(report), effect);
    }

    private static Arguments fires(String ruleId, String situation, Story story, Consumer<TriageDecided> effect) {
        return argumentSet(ruleId + " fires: " + situation, ruleId, story, true, effect);
    }

    private static Arguments silent(String ruleId, String situation, ReportFixture report) {
        return silent(ruleId, situation, Story.reported(report));
    }

    private static Arguments silent(String ruleId, String situation, Story story) {
        Consumer<TriageDecided> noEffect = decision -> {};
        return argumentSet(ruleId + " must not fire: " + situation, ruleId, story, false, noEffect);
    }

    private static Consumer<TriageDecided> emergencyWith(String redFlag) {
        return decision -> {
            assertThat(decision.disposition()).isEqualTo(Disposition.EMERGENCY);
            assertThat(decision.redFlags()).contains(redFlag);
            assertThat(decision.carePlan()).isEmpty();
        };
    }

    private static Consumer<TriageDecided> disposition(Disposition expected) {
        return decision -> assertThat(decision.disposition()).isEqualTo(expected);
    }

    private static Consumer<TriageDecided> classified(Classification expected) {
        return decision -> assertThat(decision.classification()).isEqualTo(expected);
    }

    private static Consumer<TriageDecided> imagingOf(ImagingModality modality) {
        return decision -> assertThat(decision.imaging())
                .extracting(ImagingRecommendation::modality)
                .contains(modality);
    }

    private static Consumer<TriageDecided> noImagingOf(ImagingModality modality) {
        return decision -> assertThat(decision.imaging())
                .extracting(ImagingRecommendation::modality)
                .doesNotContain(modality);
    }

    private static Consumer<TriageDecided> considering(Consideration consideration) {
        return decision -> assertThat(decision.considerations()).contains(consideration);
    }

    private static Consumer<TriageDecided> planHolds(String code) {
        return decision ->
                assertThat(decision.carePlan()).extracting(CarePlanStep::code).contains(code);
    }

    private static Consumer<TriageDecided> planLacks(String code) {
        return decision ->
                assertThat(decision.carePlan()).extracting(CarePlanStep::code).doesNotContain(code);
    }

    private static Consumer<TriageDecided> procedure(String cpt, String condition) {
        return decision -> assertThat(decision.candidateProcedures())
                .filteredOn(procedure -> procedure.cpt().equals(cpt))
                .singleElement()
                .extracting(CandidateProcedure::condition)
                .isEqualTo(condition);
    }

    private static Consumer<TriageDecided> noProcedures() {
        return decision -> assertThat(decision.candidateProcedures()).isEmpty();
    }

    private static Consumer<TriageDecided> risk(StartBackRisk expected) {
        return decision -> assertThat(decision.startBackRisk()).isEqualTo(expected);
    }
}
