package org.carepath.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.carepath.events.intake.Bothersomeness;
import org.carepath.events.intake.CheckInRecorded;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.FindingRecorded;
import org.carepath.events.intake.History;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.KnownCondition;
import org.carepath.events.intake.PainLocation;
import org.carepath.events.intake.Patient;
import org.carepath.events.intake.Region;
import org.carepath.events.intake.StartBack;
import org.carepath.events.intake.StructuralCause;
import org.carepath.events.intake.Symptom;
import org.carepath.events.intake.Trigger;
import org.carepath.events.triage.CarePlanStep;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.TriageDecided;
import org.carepath.triage.pathway.EpisodePathway;
import org.carepath.triage.pathway.PathwayTransition;
import org.carepath.triage.pathway.Refusal;

/** Properties of every decision, over generated reports and generated episodes (jqwik). */
class TriagePropertiesTest {

    private static final Set<Symptom> RED_FLAG_SYMPTOMS = EnumSet.of(
            Symptom.BLADDER_BOWEL_LOSS,
            Symptom.FEVER,
            Symptom.UNEXPLAINED_WEIGHT_LOSS,
            Symptom.NIGHT_PAIN,
            Symptom.NUMBNESS_LEGS,
            Symptom.WEAKNESS_LEGS,
            Symptom.SADDLE_NUMBNESS);

    private final TriageEngine engine = new TriageEngine(TriageThresholds.defaults());

    @Property(tries = 2000)
    void anyRedFlagInTheReportMakesItAnEmergency(@ForAll("reports") EpisodeReported report) {
        TriageDecided decision = engine.decideReport(report, report.reportedAt());

        assertThat(decision.disposition() == Disposition.EMERGENCY).isEqualTo(hasRedFlag(report));
        assertThat(decision.redFlags().isEmpty()).isEqualTo(decision.disposition() != Disposition.EMERGENCY);
    }

    @Property(tries = 2000)
    void everyReportDecisionIsComplete(@ForAll("reports") EpisodeReported report) {
        assertComplete(engine.decideReport(report, report.reportedAt()));
    }

    @Property(tries = 1000)
    void everyDecisionOfAnEpisodeIsCompleteAndVersionedInOrder(
            @ForAll("reports") EpisodeReported report, @ForAll("laterInputs") List<Input> inputs) {
        EpisodePathway pathway =
                EpisodePathway.open(report, report.reportedAt(), engine).pathway();
        Instant time = report.reportedAt();
        for (Input input : inputs) {
            time = time.plus(input.after());
            boolean wasClosed = pathway.closed();
            PathwayTransition transition = input.offerTo(pathway, time, engine);
            if (transition instanceof PathwayTransition.Refused refused) {
                assertThat(wasClosed).isTrue();
                assertThat(refused.refusal()).isEqualTo(Refusal.EPISODE_CLOSED);
                assertThat(refused.pathway()).isSameAs(pathway);
            } else {
                TriageDecided decision = ((PathwayTransition.Decided) transition).decision();
                assertComplete(decision);
                if (wasClosed) {
                    assertThat(decision.disposition()).isEqualTo(Disposition.EMERGENCY);
                }
            }
            pathway = transition.pathway();
        }
        int decisions = pathway.decisions().size();
        assertThat(pathway.decisions())
                .extracting(TriageDecided::version)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, decisions).boxed().toList());
    }

    /** ER-HOLD: once EMERGENCY, no decision of the open episode falls below SPECIALIST_REFERRAL until a finding. */
    @Property(tries = 1000)
    void anEpisodeThatWasEverAnEmergencyIsNeverBelowSpecialistReferralUntilAFindingArrives(
            @ForAll("reports") EpisodeReported report, @ForAll("laterInputs") List<Input> inputs) {
        EpisodePathway pathway =
                EpisodePathway.open(report, report.reportedAt(), engine).pathway();
        boolean held = pathway.latestDecision().disposition() == Disposition.EMERGENCY;
        Instant time = report.reportedAt();
        for (Input input : inputs) {
            time = time.plus(input.after());
            PathwayTransition transition = input.offerTo(pathway, time, engine);
            if (transition instanceof PathwayTransition.Decided decided) {
                Disposition disposition = decided.decision().disposition();
                if (input instanceof FindingInput) {
                    held = false;
                } else if (held) {
                    assertThat(disposition.ordinal())
                            .as(
                                    "v%d after an EMERGENCY, no finding yet",
                                    decided.decision().version())
                            .isLessThanOrEqualTo(Disposition.SPECIALIST_REFERRAL.ordinal());
                }
                held = held || disposition == Disposition.EMERGENCY;
            }
            pathway = transition.pathway();
        }
    }

    /** clinical-rules.md (amended 2026-12): every value assumed for an unknown input is listed in assumptions. */
    @Property(tries = 1000)
    void noDecisionIsMadeOnAnUnknownInputWithoutAnAssumptionSayingSo(
            @ForAll("reports") EpisodeReported report, @ForAll("laterInputs") List<Input> inputs) {
        List<String> unknownAtReport = unknownInputs(report);
        EpisodePathway pathway =
                EpisodePathway.open(report, report.reportedAt(), engine).pathway();
        assertAssumed(pathway.latestDecision(), unknownAtReport);
        Instant time = report.reportedAt();
        for (Input input : inputs) {
            time = time.plus(input.after());
            PathwayTransition transition = input.offerTo(pathway, time, engine);
            if (transition instanceof PathwayTransition.Decided decided) {
                List<String> unknown = new ArrayList<>(unknownAtReport);
                if (input instanceof CheckInInput checkIn && checkIn.template().symptoms() == null) {
                    unknown.add("no symptom list in the check-in");
                }
                assertAssumed(decided.decision(), unknown);
            }
            pathway = transition.pathway();
        }
    }

    private static void assertAssumed(TriageDecided decision, List<String> unknownInputs) {
        for (String unknown : unknownInputs) {
            assertThat(decision.assumptions())
                    .as("v%d assumes %s", decision.version(), unknown)
                    .anyMatch(assumption -> assumption.startsWith(unknown));
        }
    }

    /** The start of the assumption each unknown input of the report must have. */
    private static List<String> unknownInputs(EpisodeReported report) {
        List<String> unknown = new ArrayList<>();
        History history = report.history() == null ? new History(null, null, null, null, null, null) : report.history();
        if (history.episodesLast12Months() == null) {
            unknown.add("history.episodesLast12Months unknown: assumed");
        }
        if (history.worsening() == null) {
            unknown.add("history.worsening unknown: assumed");
        }
        if (history.homeCareTried() == null) {
            unknown.add("history.homeCareTried unknown: assumed");
        }
        if (history.interferesWithDailyActivities() == null) {
            unknown.add("history.interferesWithDailyActivities unknown: assumed");
        }
        if (history.knownConditions() == null) {
            unknown.add("history.knownConditions unknown: none assumed");
        }
        if (history.mriContraindicated() == null) {
            unknown.add("history.mriContraindicated unknown: assumed");
        }
        if (report.patient() == null || report.patient().birthDate() == null) {
            unknown.add("birth date not reported");
        }
        if (report.onsetDate() == null) {
            unknown.add("onset date not reported");
        }
        if (report.painLocation() == null) {
            unknown.add("pain location not reported");
        }
        if (report.symptoms() == null) {
            unknown.add("no symptom list in the report");
        }
        if (report.triggers() == null) {
            unknown.add("no trigger list in the report");
        }
        if (report.startBack() == null) {
            unknown.add("no STarT Back answers");
        } else if (report.startBack().bothersomeness() == null) {
            unknown.add("STarT Back item 9 (bothersomeness) missing");
        }
        return unknown;
    }

    private static void assertComplete(TriageDecided decision) {
        assertThat(decision.classification()).isNotNull();
        assertThat(decision.rules()).isNotEmpty().doesNotHaveDuplicates();
        assertThat(decision.assumptions()).isNotEmpty();
        if (decision.disposition() == Disposition.EMERGENCY) {
            assertThat(decision.redFlags()).isNotEmpty();
            assertThat(decision.carePlan()).isEmpty();
        } else {
            assertThat(decision.redFlags()).isEmpty();
            assertThat(decision.carePlan()).extracting(CarePlanStep::code).contains("CC-REST");
            assertThat(decision.rules()).contains("CC-REST");
        }
    }

    private static boolean hasRedFlag(EpisodeReported report) {
        boolean redFlagSymptom =
                report.symptoms() != null && report.symptoms().stream().anyMatch(RED_FLAG_SYMPTOMS::contains);
        boolean injury = report.triggers() != null
                && (report.triggers().contains(Trigger.FALL)
                        || report.triggers().contains(Trigger.CAR_ACCIDENT)
                        || report.triggers().contains(Trigger.WORKPLACE_INJURY));
        return redFlagSymptom || (injury && report.painScore() >= 7);
    }

    @Provide
    Arbitrary<EpisodeReported> reports() {
        Instant reportedAt = Reports.REPORTED_AT;
        LocalDate reportDate = reportedAt.atZone(ZoneId.of("America/New_York")).toLocalDate();
        Arbitrary<Patient> patients = Arbitraries.integers()
                .between(18, 95)
                .map(age -> new Patient("MRN-1", "Test Patient", reportDate.minusYears(age), Region.QUEENS, null))
                .injectNull(0.05);
        Arbitrary<LocalDate> onsets =
                Arbitraries.integers().between(0, 90).map(reportDate::minusDays).injectNull(0.05);
        return Combinators.combine(
                        patients,
                        onsets,
                        Arbitraries.integers().between(0, 10),
                        Arbitraries.of(PainLocation.class).injectNull(0.05),
                        symptoms(),
                        Arbitraries.of(Trigger.class)
                                .list()
                                .uniqueElements()
                                .ofMaxSize(3)
                                .injectNull(0.05),
                        histories(),
                        startBacks())
                .as((patient, onset, pain, location, symptoms, triggers, history, startBack) -> new EpisodeReported(
                        Reports.EPISODE_ID,
                        reportedAt,
                        patient,
                        onset,
                        pain,
                        location,
                        symptoms,
                        triggers,
                        history,
                        null,
                        startBack,
                        null));
    }

    @Provide
    Arbitrary<List<Input>> laterInputs() {
        Arbitrary<Duration> gaps = Arbitraries.integers().between(1, 240).map(Duration::ofHours);
        Arbitrary<Input> checkIns = Combinators.combine(
                        gaps,
                        Arbitraries.integers().between(0, 10),
                        Arbitraries.of(true, false),
                        symptoms(),
                        Arbitraries.of(true, false),
                        Arbitraries.strings().numeric().ofLength(6))
                .as((gap, pain, improving, symptoms, ptCompleted, id) -> new CheckInInput(
                        gap,
                        new CheckInRecorded(
                                Reports.EPISODE_ID, "ci-" + id, null, pain, improving, symptoms, ptCompleted)));
        Arbitrary<Input> findings = Combinators.combine(
                        gaps,
                        Arbitraries.of(StructuralCause.class),
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.of(true, false),
                        Arbitraries.strings().numeric().ofLength(6))
                .as((gap, cause, levels, failed, id) -> new FindingInput(
                        gap,
                        new FindingRecorded(
                                Reports.EPISODE_ID, "fi-" + id, null, ImagingModality.MRI, cause, levels, failed)));
        return Arbitraries.frequencyOf(Tuple.of(3, checkIns), Tuple.of(1, findings))
                .list()
                .ofMaxSize(6)
                .uniqueElements(Input::id);
    }

    private static Arbitrary<List<Symptom>> symptoms() {
        return Arbitraries.of(Symptom.class)
                .list()
                .uniqueElements()
                .ofMaxSize(4)
                .injectNull(0.05);
    }

    private static Arbitrary<History> histories() {
        // every field may be unknown (null): the patient did not give it
        return Combinators.combine(
                        Arbitraries.integers().between(0, 6).injectNull(0.1),
                        Arbitraries.of(true, false).injectNull(0.1),
                        Arbitraries.of(true, false).injectNull(0.1),
                        Arbitraries.of(true, false).injectNull(0.1),
                        Arbitraries.of(KnownCondition.class)
                                .list()
                                .uniqueElements()
                                .ofMaxSize(3)
                                .injectNull(0.1),
                        Arbitraries.of(true, false).injectNull(0.1))
                .as(History::new)
                .injectNull(0.05);
    }

    private static Arbitrary<StartBack> startBacks() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 255),
                        Arbitraries.of(Bothersomeness.class).injectNull(0.05))
                .as((items, bothersomeness) -> new StartBack(
                        (items & 1) != 0,
                        (items & 2) != 0,
                        (items & 4) != 0,
                        (items & 8) != 0,
                        (items & 16) != 0,
                        (items & 32) != 0,
                        (items & 64) != 0,
                        (items & 128) != 0,
                        bothersomeness))
                .injectNull(0.3);
    }

    /** A later input, offered some time after the one before it. */
    sealed interface Input permits CheckInInput, FindingInput {
        Duration after();

        String id();

        PathwayTransition offerTo(EpisodePathway pathway, Instant at, TriageEngine engine);
    }

    record CheckInInput(Duration after, CheckInRecorded template) implements Input {
        @Override
        public String id() {
            return template.checkInId();
        }

        @Override
        public PathwayTransition offerTo(EpisodePathway pathway, Instant at, TriageEngine engine) {
            CheckInRecorded checkIn = new CheckInRecorded(
                    template.episodeId(),
                    template.checkInId(),
                    at,
                    template.painScore(),
                    template.improving(),
                    template.symptoms(),
                    template.ptCompleted());
            return pathway.recordCheckIn(checkIn, at, engine);
        }
    }

    record FindingInput(Duration after, FindingRecorded template) implements Input {
        @Override
        public String id() {
            return template.findingId();
        }

        @Override
        public PathwayTransition offerTo(EpisodePathway pathway, Instant at, TriageEngine engine) {
            FindingRecorded finding = new FindingRecorded(
                    template.episodeId(),
                    template.findingId(),
                    at,
                    template.imaging(),
                    template.structuralCause(),
                    template.levels(),
                    template.conservativeCareFailed());
            return pathway.recordFinding(finding, at, engine);
        }
    }
}
