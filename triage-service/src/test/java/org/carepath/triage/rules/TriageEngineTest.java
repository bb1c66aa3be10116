package org.carepath.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carepath.triage.rules.Reports.REPORTED_AT;
import static org.carepath.triage.rules.Reports.acuteLifting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carepath.events.intake.Bothersomeness;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.History;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.Region;
import org.carepath.events.intake.StartBack;
import org.carepath.events.intake.StructuralCause;
import org.carepath.events.intake.Symptom;
import org.carepath.events.intake.Trigger;
import org.carepath.events.triage.CandidateProcedure;
import org.carepath.events.triage.CarePlanStep;
import org.carepath.events.triage.Classification;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.ImagingRecommendation;
import org.carepath.events.triage.StartBackRisk;
import org.carepath.events.triage.TriageDecided;
import org.junit.jupiter.api.Test;

/** Worked examples: whole decisions, their timing, their assumptions and the safer answers for missing inputs. */
class TriageEngineTest {

    private final TriageEngine engine = new TriageEngine(TriageThresholds.defaults());

    @Test
    void triagesAnAcuteLiftingEpisodeAsConservativeCare() {
        TriageDecided decision = engine.decideReport(acuteLifting().reported(), REPORTED_AT);

        assertThat(decision.episodeId()).isEqualTo(Reports.EPISODE_ID);
        assertThat(decision.version()).isEqualTo(1);
        assertThat(decision.decidedAt()).isEqualTo(REPORTED_AT);
        assertThat(decision.disposition()).isEqualTo(Disposition.CONSERVATIVE_CARE);
        assertThat(decision.classification()).isEqualTo(Classification.ACUTE);
        assertThat(decision.startBackRisk()).isNull();
        assertThat(decision.redFlags()).isEmpty();
        assertThat(decision.imaging()).isEmpty();
        assertThat(decision.considerations()).isEmpty();
        assertThat(decision.candidateProcedures()).isEmpty();
        assertThat(decision.rules())
                .containsExactly(
                        "CL-ACUTE",
                        "CC-REST",
                        "CC-COLD",
                        "CC-HEAT",
                        "CC-OTC",
                        "CC-HYDRATE",
                        "CC-STRETCH",
                        "CC-PREVENT");
    }

    @Test
    void ordersTheCarePlanAsSection7AndTimesIceAndHeatFromOnsetInNewYork() {
        TriageDecided decision = engine.decideReport(
                acuteLifting()
                        .withPain(7)
                        .afterHomeCare()
                        .withTriggers(Trigger.STRESS)
                        .withEpisodesLast12Months(3)
                        .reported(),
                REPORTED_AT);

        assertThat(decision.carePlan())
                .extracting(CarePlanStep::code)
                .containsExactly(
                        "CC-REST",
                        "CC-COLD",
                        "CC-HEAT",
                        "CC-OTC",
                        "CC-RELAX",
                        "CC-PT",
                        "CC-HYDRATE",
                        "CC-STRETCH",
                        "CC-STRESS",
                        "CC-PREVENT");
        Instant onset = Instant.parse("2026-11-23T05:00:00Z"); // midnight in New York (EST)
        assertThat(step(decision, "CC-COLD").from()).isEqualTo(onset);
        assertThat(step(decision, "CC-COLD").until()).isEqualTo(onset.plusSeconds(48 * 3600));
        assertThat(step(decision, "CC-HEAT").from()).isEqualTo(onset.plusSeconds(48 * 3600));
        assertThat(step(decision, "CC-HEAT").until()).isNull();
        assertThat(step(decision, "CC-REST").from()).isNull();
    }

    @Test
    void countsDurationInDaysOfTheClinicsZone() {
        // 22:00 on 2026-11-24 in New York is already 2026-11-25 in UTC
        Instant lateEvening = Instant.parse("2026-11-25T03:00:00Z");
        ReportFixture report = new ReportFixture(
                Reports.EPISODE_ID,
                lateEvening,
                LocalDate.of(1984, 3, 2),
                LocalDate.of(2026, 11, 11),
                5,
                acuteLifting().painLocation(),
                acuteLifting().symptoms(),
                acuteLifting().triggers(),
                0,
                false,
                false,
                false,
                List.of(),
                false,
                null);

        TriageDecided decision = engine.decideReport(report.reported(), lateEvening);

        assertThat(decision.classification()).isEqualTo(Classification.ACUTE);
        assertThat(decision.assumptions()).anyMatch(assumption -> assumption.startsWith("duration = 13 days"));
    }

    @Test
    void listsTheThresholdsInForceAmongItsAssumptions() {
        TriageDecided decision = engine.decideReport(acuteLifting().reported(), REPORTED_AT);

        assertThat(decision.assumptions())
                .contains(
                        "severe pain = NRS >= 7 (ER-2, CC-RELAX)",
                        "chronic = pain for >= 14 days (CL-CHRONIC)",
                        "frequent spasms = >= 3 episodes in the last 12 months (CL-CHRONIC, SP-2)",
                        "MRI beyond a few weeks = pain for >= 21 days (IM-MRI)");
    }

    @Test
    void decidesWithTheConfiguredThresholds() {
        TriageEngine stricter = new TriageEngine(new TriageThresholds(8, 10, 2, 14));
        EpisodeReported report = acuteLifting()
                .withTriggers(Trigger.FALL)
                .withPain(7)
                .withOnsetDaysAgo(14)
                .reported();

        TriageDecided decision = stricter.decideReport(report, REPORTED_AT);

        assertThat(decision.disposition()).isNotEqualTo(Disposition.EMERGENCY);
        assertThat(decision.classification()).isEqualTo(Classification.CHRONIC);
        assertThat(decision.imaging())
                .extracting(ImagingRecommendation::modality)
                .contains(ImagingModality.MRI);
        assertThat(decision.assumptions()).contains("severe pain = NRS >= 8 (ER-2, CC-RELAX)");
        assertThat(engine.decideReport(report, REPORTED_AT).disposition()).isEqualTo(Disposition.EMERGENCY);
    }

    @Test
    void toleratesAReportWithoutPatientListsHistoryOrStartBack() {
        EpisodeReported bare =
                new EpisodeReported("ep-bare", REPORTED_AT, null, null, 4, null, null, null, null, null, null, null);

        TriageDecided decision = engine.decideReport(bare, REPORTED_AT);

        assertThat(decision.disposition()).isEqualTo(Disposition.CONSERVATIVE_CARE);
        assertThat(decision.classification()).isEqualTo(Classification.ACUTE);
        assertThat(decision.startBackRisk()).isNull();
        assertThat(decision.rules()).contains("CL-ACUTE", "CC-REST");
        assertThat(decision.episode().onsetDate()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(decision.episode().region()).isNull();
        assertThat(decision.episode().triggers()).isEmpty();
        assertThat(decision.assumptions())
                .anyMatch(a -> a.startsWith("onset date not reported"))
                .anyMatch(a -> a.startsWith("birth date not reported"))
                .anyMatch(a -> a.startsWith("no symptom list"))
                .anyMatch(a -> a.startsWith("no trigger list"))
                .anyMatch(a -> a.startsWith("history unknown"))
                .contains(
                        "history.episodesLast12Months unknown: assumed 0",
                        "history.worsening unknown: assumed false",
                        "history.homeCareTried unknown: assumed false",
                        "history.interferesWithDailyActivities unknown: assumed false",
                        "history.knownConditions unknown: none assumed")
                .anyMatch(a -> a.startsWith("history.mriContraindicated unknown: assumed false"))
                .anyMatch(a -> a.startsWith("pain location not reported"))
                .anyMatch(a -> a.startsWith("no STarT Back answers"));
    }

    @Test
    void carriesTheEpisodeContextFromTheReport() {
        EpisodeReported report = acuteLifting().reported();

        TriageDecided decision = engine.decideReport(report, REPORTED_AT);

        assertThat(decision.episode().region()).isEqualTo(Region.NASSAU);
        assertThat(decision.episode().onsetDate()).isEqualTo(report.onsetDate());
        assertThat(decision.episode().contact()).isEqualTo(report.patient().contact());
        assertThat(decision.episode().triggers()).containsExactly(Trigger.LIFTING);
        assertThat(decision.episode().coverage()).isEqualTo(report.coverage());
        // intake's opaque id, never the MRN
        assertThat(decision.episode().patientId()).isEqualTo(ReportFixture.PATIENT_ID);
        assertThat(decision.episode().toString())
                .doesNotContain(report.patient().mrn());
    }

    @Test
    void listsEachUnknownHistoryFieldWithTheValueAssumedAndKeepsTheKnownOnes() {
        EpisodeReported known = acuteLifting().afterHomeCare().reported();
        var history = known.history();
        EpisodeReported partial = new EpisodeReported(
                known.episodeId(),
                known.reportedAt(),
                known.patient(),
                known.onsetDate(),
                known.painScore(),
                known.painLocation(),
                known.symptoms(),
                known.triggers(),
                new History(null, history.worsening(), history.homeCareTried(), null, history.knownConditions(), null),
                known.coverage(),
                known.startBack(),
                known.patientId());

        TriageDecided decision = engine.decideReport(partial, REPORTED_AT);

        assertThat(decision.assumptions())
                .contains(
                        "history.episodesLast12Months unknown: assumed 0",
                        "history.interferesWithDailyActivities unknown: assumed false")
                .anyMatch(a -> a.startsWith("history.mriContraindicated unknown: assumed false"))
                .noneMatch(a -> a.startsWith("history.homeCareTried"))
                .noneMatch(a -> a.startsWith("history.worsening"));
    }

    @Test
    void recommendsCtInsteadOfAContraindicatedMri() {
        TriageDecided decision = engine.decideReport(
                acuteLifting()
                        .withSymptoms(Symptom.TINGLING_LEGS)
                        .withMriContraindicated()
                        .reported(),
                REPORTED_AT);

        assertThat(decision.imaging()).singleElement().satisfies(ct -> {
            assertThat(ct.modality()).isEqualTo(ImagingModality.CT);
            assertThat(ct.rule()).isEqualTo("IM-CT");
            assertThat(ct.reason()).contains("IM-MRI", "contraindicated");
        });
        assertThat(decision.rules()).contains("IM-MRI", "IM-CT");
    }

    @Test
    void listsAStructuralProcedureOnlyIfConservativeCareFailsWhenNoNerveSign() {
        TriageDecided decision = Story.reported(acuteLifting())
                .thenFinding(Findings.structural(7, StructuralCause.HERNIATED_DISC))
                .lastDecision(engine);

        assertThat(decision.disposition()).isEqualTo(Disposition.SPECIALIST_REFERRAL);
        assertThat(decision.candidateProcedures())
                .containsExactly(new CandidateProcedure(
                        "63030", "SU-DISC", "discectomy / laminotomy", "IF_CONSERVATIVE_CARE_FAILS"));
        assertThat(decision.imaging())
                .extracting(ImagingRecommendation::modality)
                .doesNotContain(ImagingModality.CT);
    }

    @Test
    void sendsAStructuralFindingWithNerveSignsToASurgicalConsultWithPlanningCt() {
        TriageDecided decision = Story.reported(acuteLifting().withSymptoms(Symptom.RADIATING_LEG_PAIN))
                .thenFinding(Findings.structural(7, StructuralCause.SPINAL_STENOSIS))
                .lastDecision(engine);

        assertThat(decision.disposition()).isEqualTo(Disposition.SURGICAL_CONSULT);
        assertThat(decision.candidateProcedures())
                .containsExactly(new CandidateProcedure("63047", "SU-STENOSIS", "laminectomy", null));
        assertThat(decision.imaging())
                .extracting(ImagingRecommendation::modality)
                .containsExactly(ImagingModality.MRI, ImagingModality.CT);
        assertThat(decision.version()).isEqualTo(2);
    }

    @Test
    void keepsStructuralRulesOfEarlierFindingsOnLaterDecisions() {
        TriageDecided decision = Story.reported(acuteLifting())
                .thenFinding(Findings.structuralAfterFailedCare(7, StructuralCause.INSTABILITY))
                .thenFinding(Findings.noStructuralCause(9, 1, false))
                .lastDecision(engine);

        assertThat(decision.rules()).contains("SU-INSTABILITY", "SU-NONE");
        assertThat(decision.disposition()).isEqualTo(Disposition.SURGICAL_CONSULT);
        assertThat(decision.candidateProcedures())
                .extracting(CandidateProcedure::cpt)
                .containsExactly("22612", "22630");
    }

    @Test
    void scoresAMissingBothersomenessAnswerAsAPoint() {
        StartBack threeDistressItems = new StartBack(false, false, false, false, true, true, true, false, null);

        TriageDecided decision = engine.decideReport(
                Reports.plainAcute().withStartBack(threeDistressItems).reported(), REPORTED_AT);

        assertThat(decision.startBackRisk()).isEqualTo(StartBackRisk.HIGH);
        assertThat(decision.assumptions()).anyMatch(a -> a.contains("bothersomeness) missing"));
    }

    @Test
    void offersPsychologicallyInformedPhysicalTherapyAtHighRisk() {
        TriageDecided high = engine.decideReport(
                Reports.plainAcute().withStartBack(StartBacks.highRisk()).reported(), REPORTED_AT);
        TriageDecided medium = engine.decideReport(
                Reports.plainAcute().withStartBack(StartBacks.mediumRisk()).reported(), REPORTED_AT);

        assertThat(step(high, "CC-PT").instruction()).contains("psychologically informed");
        assertThat(step(medium, "CC-PT").instruction()).doesNotContain("psychologically informed");
    }

    @Test
    void treatsTheTopOfTheBothersomenessScaleAsAPoint() {
        StartBack veryMuch =
                new StartBack(true, true, true, false, false, false, false, false, Bothersomeness.EXTREMELY);

        TriageDecided decision =
                engine.decideReport(Reports.plainAcute().withStartBack(veryMuch).reported(), REPORTED_AT);

        assertThat(decision.startBackRisk()).isEqualTo(StartBackRisk.MEDIUM);
    }

    @Test
    void reachesTheArthritisAgeOnTheFiftiethBirthday() {
        EpisodeReported fiftyToday = Reports.chronicPostural().withAge(50).reported();

        assertThat(engine.decideReport(fiftyToday, REPORTED_AT).rules()).contains("DX-ARTHRITIS");
    }

    @Test
    void decidesTheSameWayForTheSameArguments() {
        EpisodeReported report =
                acuteLifting().withSymptoms(Symptom.TINGLING_LEGS).reported();

        assertThat(engine.decideReport(report, REPORTED_AT)).isEqualTo(engine.decideReport(report, REPORTED_AT));
    }

    private static CarePlanStep step(TriageDecided decision, String code) {
        return decision.carePlan().stream()
                .filter(step -> step.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + decision.carePlan()));
    }
}
