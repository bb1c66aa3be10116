package org.carepath.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carepath.events.billing.EstimateLine;
import org.carepath.events.billing.EstimateProduced;
import org.carepath.events.billing.EstimateTotals;
import org.carepath.events.billing.LineSource;
import org.carepath.events.billing.Payer;
import org.carepath.events.intake.*;
import org.carepath.events.scheduling.*;
import org.carepath.events.triage.*;

/** Object Mother: one example of every event, immutable. */
final class Events {

    static final Instant AT = Instant.parse("2026-11-24T15:00:00Z");

    private Events() {}

    static EpisodeReported reported() {
        return new EpisodeReported(
                "e-1",
                AT,
                new Patient(
                        "MRN-1001",
                        "Jane Doe",
                        LocalDate.parse("1964-03-02"),
                        Region.NASSAU,
                        new Contact(ContactChannel.SMS, "+15165550100", null)),
                LocalDate.parse("2026-11-20"),
                6,
                PainLocation.LOWER_BACK,
                List.of(Symptom.CRAMPING, Symptom.STIFFNESS),
                List.of(Trigger.LIFTING),
                new History(0, false, false, false, List.of(), false),
                new Coverage(
                        PrimaryPayer.MEDICARE,
                        new BigDecimal("0.00"),
                        new Coverage.Supplemental(SupplementalType.MEDIGAP, false),
                        null,
                        null,
                        null,
                        null),
                new StartBack(true, false, false, false, false, false, false, false, Bothersomeness.MODERATELY),
                "p-7f3c");
    }

    static CheckInRecorded checkIn() {
        return new CheckInRecorded("e-1", "c-1", AT, 3, true, List.of(), false);
    }

    static FindingRecorded finding() {
        return new FindingRecorded("e-1", "f-1", AT, ImagingModality.MRI, StructuralCause.HERNIATED_DISC, 1, true);
    }

    static TriageDecided decided() {
        return new TriageDecided(
                "e-1",
                1,
                AT,
                Disposition.CONSERVATIVE_CARE,
                Classification.ACUTE,
                StartBackRisk.LOW,
                List.of(),
                List.of(new ImagingRecommendation(ImagingModality.MRI, "IM-MRI", "nerve signs")),
                List.of(Consideration.SCIATICA),
                List.of(new CandidateProcedure("63030", "SU-DISC", "lumbar laminotomy", null)),
                List.of(new CarePlanStep("CC-COLD", "ice", AT, AT.plusSeconds(3600))),
                List.of("CL-ACUTE", "CC-REST", "CC-COLD"),
                List.of(),
                new EpisodeContext(
                        Region.NASSAU,
                        LocalDate.parse("2026-11-20"),
                        new Contact(ContactChannel.SMS, "+15165550100", null),
                        List.of(Trigger.LIFTING),
                        null,
                        "patient-1"));
    }

    static AppointmentBooked booked() {
        return new AppointmentBooked(
                "a-1",
                "e-1",
                AppointmentType.IMAGING_XRAY,
                Specialty.IMAGING,
                "p-1",
                "s-1",
                Region.NASSAU,
                AT,
                AT.plusSeconds(900),
                AppointmentStatus.BOOKED,
                "72100");
    }

    static AppointmentCancelled cancelled() {
        return new AppointmentCancelled("a-1", "e-1", "patient request");
    }

    static AppointmentWaitlisted waitlisted() {
        return new AppointmentWaitlisted("e-1", AppointmentType.SPECIALIST_VISIT, Specialty.ORTHOPEDIC_SPINE, AT);
    }

    static FollowUpDue followUpDue() {
        return new FollowUpDue(
                "e-1:ICE_TO_HEAT",
                "e-1",
                FollowUpKind.ICE_TO_HEAT,
                AT,
                ContactChannel.SMS,
                "+15165550100",
                "switch from ice to heat");
    }

    static EstimateProduced estimate() {
        BigDecimal zero = new BigDecimal("0.00");
        return new EstimateProduced(
                "e-1",
                "est-1",
                1,
                "USD",
                AT,
                Payer.MEDICARE,
                false,
                List.of(new EstimateLine(
                        "64647",
                        "chemodenervation",
                        1,
                        LineSource.CANDIDATE_PROCEDURE,
                        null,
                        true,
                        null,
                        new BigDecimal("216.15"),
                        zero,
                        new BigDecimal("172.92"),
                        new BigDecimal("43.23"),
                        zero,
                        zero,
                        null)),
                new EstimateTotals(zero, zero, zero, zero, zero, zero),
                List.of("deductible met"),
                List.of("B-MCR", "B-SUPP", "B-ORDER", "B-CAND"),
                new EstimateTotals(
                        new BigDecimal("216.15"), zero, new BigDecimal("172.92"), new BigDecimal("43.23"), zero, zero));
    }
}
