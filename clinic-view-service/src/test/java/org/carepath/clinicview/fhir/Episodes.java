package org.carepath.clinicview.fhir;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carepath.clinicview.episode.EpisodeRecord;
import org.carepath.events.billing.EstimateLine;
import org.carepath.events.billing.EstimateProduced;
import org.carepath.events.billing.EstimateTotals;
import org.carepath.events.billing.LineSource;
import org.carepath.events.billing.Payer;
import org.carepath.events.intake.Bothersomeness;
import org.carepath.events.intake.CheckInRecorded;
import org.carepath.events.intake.Contact;
import org.carepath.events.intake.ContactChannel;
import org.carepath.events.intake.Coverage;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.FindingRecorded;
import org.carepath.events.intake.History;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.KnownCondition;
import org.carepath.events.intake.PainLocation;
import org.carepath.events.intake.Patient;
import org.carepath.events.intake.PrimaryPayer;
import org.carepath.events.intake.Region;
import org.carepath.events.intake.StartBack;
import org.carepath.events.intake.StructuralCause;
import org.carepath.events.intake.SupplementalType;
import org.carepath.events.intake.Symptom;
import org.carepath.events.intake.Trigger;
import org.carepath.events.scheduling.AppointmentBooked;
import org.carepath.events.scheduling.AppointmentCancelled;
import org.carepath.events.scheduling.AppointmentStatus;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.AppointmentWaitlisted;
import org.carepath.events.scheduling.FollowUpDue;
import org.carepath.events.scheduling.FollowUpKind;
import org.carepath.events.scheduling.FollowUpState;
import org.carepath.events.scheduling.FollowUpUpdated;
import org.carepath.events.scheduling.Specialty;
import org.carepath.events.triage.CandidateProcedure;
import org.carepath.events.triage.CarePlanStep;
import org.carepath.events.triage.Classification;
import org.carepath.events.triage.Consideration;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.EpisodeContext;
import org.carepath.events.triage.ImagingRecommendation;
import org.carepath.events.triage.StartBackRisk;
import org.carepath.events.triage.TriageDecided;

/** Object Mother: episodes of the read model, one per disposition, built from the events the topics carry. */
final class Episodes {

    static final Instant REPORTED = Instant.parse("2026-11-24T14:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");

    private Episodes() {}

    static EpisodeReported report(
            String episodeId,
            String mrn,
            List<Symptom> symptoms,
            List<Trigger> triggers,
            int painScore,
            LocalDate onset,
            StartBack startBack) {
        return new EpisodeReported(
                episodeId,
                REPORTED,
                new Patient(
                        mrn,
                        "Jane Q Doe",
                        LocalDate.parse("1958-03-02"),
                        Region.NASSAU,
                        new Contact(ContactChannel.SMS, "+15165550100", "jane@example.org")),
                onset,
                painScore,
                PainLocation.LOWER_BACK,
                symptoms,
                triggers,
                new History(0, false, true, false, List.of(KnownCondition.HERNIATED_DISC), false),
                medicare(),
                startBack,
                "pt-" + mrn.replace('-', '_') + "_x");
    }

    static Coverage medicare() {
        return new Coverage(
                PrimaryPayer.MEDICARE,
                new BigDecimal("0.00"),
                new Coverage.Supplemental(SupplementalType.MEDIGAP, false),
                null,
                null,
                null,
                null);
    }

    static TriageDecided decision(
            String episodeId,
            int version,
            Disposition disposition,
            Classification classification,
            StartBackRisk risk,
            List<String> redFlags,
            List<ImagingRecommendation> imaging,
            List<CandidateProcedure> procedures,
            List<CarePlanStep> plan,
            List<String> rules) {
        return new TriageDecided(
                episodeId,
                version,
                REPORTED.plusSeconds(60L * version),
                disposition,
                classification,
                risk,
                redFlags,
                imaging,
                List.of(Consideration.SCIATICA),
                procedures,
                plan,
                rules,
                List.of("history.worsening unknown: assumed false"),
                new EpisodeContext(
                        Region.NASSAU,
                        LocalDate.parse("2026-11-22"),
                        null,
                        List.of(Trigger.LIFTING),
                        medicare(),
                        "pt-x"));
    }

    static List<CarePlanStep> conservativePlan() {
        return List.of(
                new CarePlanStep("CC-REST", "Stay lightly active", REPORTED, null),
                new CarePlanStep(
                        "CC-COLD",
                        "Ice 10-20 minutes several times a day",
                        REPORTED,
                        REPORTED.plus(Duration.ofHours(48))),
                new CarePlanStep("CC-HEAT", "Warm compress", REPORTED.plus(Duration.ofHours(48)), null),
                new CarePlanStep(
                        "CC-PT",
                        "Physical therapy",
                        REPORTED.plus(Duration.ofDays(3)),
                        REPORTED.plus(Duration.ofDays(45))));
    }

    static AppointmentBooked booking(String episodeId, AppointmentType type, Specialty specialty, Instant start) {
        return new AppointmentBooked(
                episodeId + ":" + type + ":1",
                episodeId,
                type,
                specialty,
                "prov-garden-city-1",
                "site-garden-city",
                Region.NASSAU,
                start,
                start.plus(Duration.ofMinutes(type.minutes())),
                AppointmentStatus.BOOKED,
                type.cpt());
    }

    static EstimateProduced estimate(String episodeId, List<EstimateLine> lines) {
        BigDecimal allowed = lines.stream()
                .map(EstimateLine::allowed)
                .filter(a -> a != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new EstimateProduced(
                episodeId,
                "est-" + episodeId,
                2,
                "USD",
                REPORTED.plusSeconds(600),
                Payer.MEDICARE,
                true,
                lines,
                new EstimateTotals(
                        allowed,
                        new BigDecimal("0.00"),
                        allowed.multiply(new BigDecimal("0.8")),
                        allowed.multiply(new BigDecimal("0.2")),
                        new BigDecimal("0.00"),
                        new BigDecimal("0.00")),
                List.of("Medicare Part B deductible met"),
                List.of("B-MCR", "B-SUPP"),
                null);
    }

    static EstimateLine line(String cpt, String appointmentId, String allowed, LineSource source) {
        BigDecimal amount = new BigDecimal(allowed);
        return new EstimateLine(
                cpt,
                "CPT " + cpt,
                1,
                source,
                appointmentId,
                true,
                null,
                amount,
                new BigDecimal("0.00"),
                amount.multiply(new BigDecimal("0.8")),
                amount.multiply(new BigDecimal("0.2")),
                new BigDecimal("0.00"),
                new BigDecimal("0.00"),
                REPORTED.plus(Duration.ofDays(2)));
    }

    static EstimateLine unpriced(String cpt) {
        return new EstimateLine(
                cpt,
                "CPT " + cpt,
                1,
                LineSource.CANDIDATE_PROCEDURE,
                null,
                false,
                "not on the fee schedule",
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static FollowUpDue followUp(String episodeId, String id, FollowUpKind kind) {
        return new FollowUpDue(
                id,
                episodeId,
                kind,
                REPORTED.plus(Duration.ofHours(48)),
                ContactChannel.SMS,
                "+15165550100",
                "Time to switch from ice to heat.");
    }

    static FollowUpUpdated followUpState(
            String episodeId, String id, FollowUpKind kind, FollowUpState state, String appointmentId) {
        return new FollowUpUpdated(
                id,
                episodeId,
                kind,
                "FU-2WK",
                REPORTED.plus(Duration.ofDays(14)),
                ContactChannel.SMS,
                appointmentId,
                state);
    }

    static StartBack highRisk() {
        return new StartBack(true, false, true, true, true, true, true, true, Bothersomeness.EXTREMELY);
    }

    /** Acute lifting strain: conservative care, low STarT Back risk, ice-to-heat message sent. */
    static EpisodeRecord conservativeCare() {
        String id = "11111111-1111-4111-8111-111111111111";
        return EpisodeRecord.opened(id)
                .reported(report(
                        id,
                        "MRN-1001",
                        List.of(Symptom.CRAMPING),
                        List.of(Trigger.LIFTING),
                        5,
                        LocalDate.parse("2026-11-23"),
                        new StartBack(false, false, false, false, false, false, false, false, Bothersomeness.SLIGHTLY)))
                .decided(decision(
                        id,
                        1,
                        Disposition.CONSERVATIVE_CARE,
                        Classification.ACUTE,
                        StartBackRisk.LOW,
                        List.of(),
                        List.of(),
                        List.of(),
                        conservativePlan(),
                        List.of("CL-ACUTE", "CC-REST", "CC-COLD")))
                .followUpSent(followUp(id, id + ":ICE_TO_HEAT", FollowUpKind.ICE_TO_HEAT))
                .followUpUpdated(followUpState(
                        id, id + ":TWO_WEEK_CHECK", FollowUpKind.TWO_WEEK_CHECK, FollowUpState.PENDING, null));
    }

    /** Bladder loss after a fall: emergency, two red flags, X-ray and MRI for the receiving hospital. */
    static EpisodeRecord emergency() {
        String id = "22222222-2222-4222-8222-222222222222";
        return EpisodeRecord.opened(id)
                .reported(report(
                        id,
                        "MRN-1002",
                        List.of(Symptom.BLADDER_BOWEL_LOSS, Symptom.NUMBNESS_LEGS),
                        List.of(Trigger.FALL),
                        9,
                        LocalDate.parse("2026-11-24"),
                        null))
                .decided(decision(
                        id,
                        1,
                        Disposition.EMERGENCY,
                        Classification.ACUTE,
                        null,
                        List.of("ER-1", "ER-2", "ER-4"),
                        List.of(
                                new ImagingRecommendation(ImagingModality.XRAY, "IM-XRAY", "trauma: rule out fracture"),
                                new ImagingRecommendation(ImagingModality.MRI, "IM-MRI", "nerve signs")),
                        List.of(),
                        List.of(),
                        List.of("ER-1", "ER-2", "ER-4", "IM-XRAY", "IM-MRI")))
                .followUpSent(followUp(id, id + ":EMERGENCY_INSTRUCTION", FollowUpKind.EMERGENCY_INSTRUCTION));
    }

    /** Radiating leg pain: a spine specialist visit and an MRI booked, one cancelled, medium risk. */
    static EpisodeRecord specialistReferral() {
        String id = "33333333-3333-4333-8333-333333333333";
        AppointmentBooked visit = booking(
                id,
                AppointmentType.SPECIALIST_VISIT,
                Specialty.ORTHOPEDIC_SPINE,
                Instant.parse("2026-11-27T15:00:00Z"));
        AppointmentBooked mri =
                booking(id, AppointmentType.IMAGING_MRI, Specialty.IMAGING, Instant.parse("2026-11-26T13:00:00Z"));
        return EpisodeRecord.opened(id)
                .reported(report(
                        id,
                        "MRN-1003",
                        List.of(Symptom.RADIATING_LEG_PAIN),
                        List.of(Trigger.TWISTING),
                        6,
                        LocalDate.parse("2026-11-01"),
                        highRisk()))
                .decided(decision(
                        id,
                        1,
                        Disposition.SPECIALIST_REFERRAL,
                        Classification.CHRONIC,
                        StartBackRisk.MEDIUM,
                        List.of(),
                        List.of(new ImagingRecommendation(ImagingModality.MRI, "IM-MRI", "beyond 21 days")),
                        List.of(new CandidateProcedure("63030", "SU-DISC", "Discectomy", "if conservative care fails")),
                        conservativePlan(),
                        List.of("CL-CHRONIC", "SP-3", "IM-MRI", "SB-MEDIUM", "CC-PT")))
                .booked(visit, 1)
                .booked(mri, 2)
                .cancelled(new AppointmentCancelled(mri.appointmentId(), id, "patient asked"))
                .waitlisted(new AppointmentWaitlisted(
                        id,
                        AppointmentType.PT_EVALUATION,
                        Specialty.PHYSICAL_THERAPY,
                        Instant.parse("2026-12-05T00:00:00Z")))
                .followUpUpdated(followUpState(
                        id,
                        id + ":APPOINTMENT_REMINDER",
                        FollowUpKind.APPOINTMENT_REMINDER,
                        FollowUpState.SENT,
                        visit.appointmentId()))
                .estimated(estimate(
                        id,
                        List.of(
                                line("99204", visit.appointmentId(), "167.09", LineSource.APPOINTMENT),
                                unpriced("63030"))));
    }

    /** Chronic, MRI shows a herniated disc after failed conservative care: surgical consult booked, estimated. */
    static EpisodeRecord surgicalConsult() {
        String id = "44444444-4444-4444-8444-444444444444";
        AppointmentBooked consult = booking(
                id, AppointmentType.SURGICAL_CONSULT, Specialty.SPINE_SURGEON, Instant.parse("2026-11-30T16:00:00Z"));
        return EpisodeRecord.opened(id)
                .reported(report(
                        id,
                        "MRN-1004",
                        List.of(Symptom.SHARP_PAIN),
                        List.of(Trigger.LIFTING),
                        7,
                        LocalDate.parse("2026-10-01"),
                        highRisk()))
                .found(new FindingRecorded(
                        id,
                        "finding-1",
                        REPORTED.plusSeconds(30),
                        ImagingModality.MRI,
                        StructuralCause.HERNIATED_DISC,
                        1,
                        true))
                .decided(decision(
                        id,
                        2,
                        Disposition.SURGICAL_CONSULT,
                        Classification.CHRONIC,
                        StartBackRisk.HIGH,
                        List.of(),
                        List.of(new ImagingRecommendation(ImagingModality.CT, "IM-CT", "surgical planning")),
                        List.of(new CandidateProcedure("63030", "SU-DISC", "Discectomy / laminotomy", null)),
                        conservativePlan(),
                        List.of("CL-CHRONIC", "SU-DISC", "IM-CT", "SB-HIGH")))
                .booked(consult, 5)
                .estimated(estimate(
                        id,
                        List.of(
                                line("99204", consult.appointmentId(), "167.09", LineSource.APPOINTMENT),
                                line("63030", null, "1203.55", LineSource.CANDIDATE_PROCEDURE))));
    }

    /** Chronic, no structure found but conservative care failed: chemodenervation consult, two levels. */
    static EpisodeRecord chemodenervationConsult() {
        String id = "55555555-5555-4555-8555-555555555555";
        return EpisodeRecord.opened(id)
                .reported(report(
                        id,
                        "MRN-1005",
                        List.of(Symptom.STIFFNESS),
                        List.of(Trigger.POOR_POSTURE),
                        6,
                        LocalDate.parse("2026-09-01"),
                        null))
                .found(new FindingRecorded(
                        id, "finding-2", REPORTED.plusSeconds(30), ImagingModality.MRI, StructuralCause.NONE, 2, true))
                .decided(decision(
                        id,
                        2,
                        Disposition.CHEMODENERVATION_CONSULT,
                        Classification.CHRONIC,
                        null,
                        List.of(),
                        List.of(),
                        List.of(new CandidateProcedure("64647", "SU-CHEMO", "EMG-guided chemodenervation", null)),
                        conservativePlan(),
                        List.of("CL-CHRONIC", "SU-CHEMO")))
                .estimated(estimate(id, List.of(line("64647", null, "216.15", LineSource.CANDIDATE_PROCEDURE))));
    }

    /** Recovered at a check-in: the episode is finished, the plan completed. */
    static EpisodeRecord recovered() {
        String id = "66666666-6666-4666-8666-666666666666";
        return EpisodeRecord.opened(id)
                .reported(report(
                        id,
                        "MRN-1006",
                        List.of(Symptom.CRAMPING),
                        List.of(Trigger.DEHYDRATION),
                        4,
                        LocalDate.parse("2026-11-10"),
                        null))
                .checkedIn(new CheckInRecorded(id, "checkin-1", NOW.minusSeconds(3600), 1, true, List.of(), true))
                .decided(decision(
                        id,
                        3,
                        Disposition.RECOVERED,
                        Classification.ACUTE,
                        StartBackRisk.LOW,
                        List.of(),
                        List.of(),
                        List.of(),
                        conservativePlan(),
                        List.of("FU-RECOVERED")))
                .followUpUpdated(followUpState(
                        id, id + ":RECOVERY_CHECK", FollowUpKind.RECOVERY_CHECK, FollowUpState.CANCELLED, null));
    }

    /** Reported, not yet triaged. */
    static EpisodeRecord awaitingTriage() {
        String id = "77777777-7777-4777-8777-777777777777";
        return EpisodeRecord.opened(id)
                .reported(report(
                        id, "MRN-1007", List.of(), List.of(Trigger.UNKNOWN), 3, LocalDate.parse("2026-11-24"), null));
    }
}
