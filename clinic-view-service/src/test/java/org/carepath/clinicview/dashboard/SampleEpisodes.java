package org.carepath.clinicview.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.carepath.clinicview.figures.ClinicDays;
import org.carepath.events.billing.EstimateProduced;
import org.carepath.events.billing.EstimateTotals;
import org.carepath.events.billing.Payer;
import org.carepath.events.intake.Bothersomeness;
import org.carepath.events.intake.Contact;
import org.carepath.events.intake.ContactChannel;
import org.carepath.events.intake.Coverage;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.History;
import org.carepath.events.intake.PainLocation;
import org.carepath.events.intake.Patient;
import org.carepath.events.intake.PrimaryPayer;
import org.carepath.events.intake.Region;
import org.carepath.events.intake.StartBack;
import org.carepath.events.intake.Symptom;
import org.carepath.events.intake.Trigger;
import org.carepath.events.scheduling.AppointmentBooked;
import org.carepath.events.scheduling.AppointmentStatus;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.AppointmentWaitlisted;
import org.carepath.events.scheduling.Specialty;
import org.carepath.events.triage.Classification;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.EpisodeContext;
import org.carepath.events.triage.StartBackRisk;
import org.carepath.events.triage.TriageDecided;

/** Object Mother: the events of a few sample episodes, as intake, triage, scheduling and billing publish them. */
final class SampleEpisodes {

    /** On every report, so a test can prove the page never shows it. */
    static final String PATIENT_NAME = "Rosalind Vantongeren";

    static final String MRN = "MRN-DASH-4711";

    private SampleEpisodes() {}

    static EpisodeReported reported(String episodeId, Region region, Instant at) {
        return new EpisodeReported(
                episodeId,
                at,
                new Patient(
                        MRN,
                        PATIENT_NAME,
                        LocalDate.parse("1961-07-14"),
                        region,
                        new Contact(ContactChannel.SMS, "+15165550199", null)),
                ClinicDays.dateOf(at).minusDays(2),
                8,
                PainLocation.LOWER_BACK,
                List.of(Symptom.CRAMPING),
                List.of(Trigger.LIFTING),
                new History(0, false, false, false, List.of(), false),
                coverage(),
                new StartBack(true, false, false, false, false, false, false, false, Bothersomeness.MODERATELY),
                "p-dash-" + episodeId);
    }

    /** Sent to the emergency room by a red flag. */
    static TriageDecided emergency(String episodeId, Region region, Instant at) {
        return decided(episodeId, region, at, Disposition.EMERGENCY, List.of("ER-1"));
    }

    static TriageDecided conservativeCare(String episodeId, Region region, Instant at) {
        return decided(episodeId, region, at, Disposition.CONSERVATIVE_CARE, List.of("CL-ACUTE", "CC-REST"));
    }

    /** A 45-minute physical therapy evaluation at {@code siteId} on {@code day}, 10:00 in the clinic's zone. */
    static AppointmentBooked booked(
            String episodeId, String appointmentId, String siteId, Region region, LocalDate day) {
        Instant start = day.atTime(LocalTime.of(10, 0)).atZone(ClinicDays.ZONE).toInstant();
        return new AppointmentBooked(
                appointmentId,
                episodeId,
                AppointmentType.PT_EVALUATION,
                Specialty.PHYSICAL_THERAPY,
                "prov-dash-1",
                siteId,
                region,
                start,
                start.plusSeconds(45 * 60),
                AppointmentStatus.BOOKED,
                AppointmentType.PT_EVALUATION.cpt());
    }

    static AppointmentWaitlisted waitlistedForMri(String episodeId, Instant windowEnd) {
        return new AppointmentWaitlisted(episodeId, AppointmentType.IMAGING_MRI, Specialty.IMAGING, windowEnd);
    }

    static EstimateProduced estimate(String episodeId, Instant at) {
        BigDecimal zero = new BigDecimal("0.00");
        return new EstimateProduced(
                episodeId,
                "est-" + episodeId,
                1,
                "USD",
                at,
                Payer.MEDICARE,
                false,
                List.of(),
                new EstimateTotals(
                        new BigDecimal("120.00"), zero, new BigDecimal("96.00"), zero, zero, new BigDecimal("24.00")),
                List.of(),
                List.of("B-MCR"),
                new EstimateTotals(zero, zero, zero, zero, zero, zero));
    }

    private static TriageDecided decided(
            String episodeId, Region region, Instant at, Disposition disposition, List<String> rules) {
        return new TriageDecided(
                episodeId,
                1,
                at,
                disposition,
                Classification.ACUTE,
                StartBackRisk.LOW,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                rules,
                List.of(),
                new EpisodeContext(region, ClinicDays.dateOf(at).minusDays(2), null, List.of(), coverage(), null));
    }

    private static Coverage coverage() {
        return new Coverage(PrimaryPayer.MEDICARE, new BigDecimal("0.00"), null, null, null, null, null);
    }
}
