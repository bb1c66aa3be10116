package org.carepath.clinicview;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carepath.events.billing.EstimateProduced;
import org.carepath.events.billing.EstimateTotals;
import org.carepath.events.billing.Payer;
import org.carepath.events.intake.Contact;
import org.carepath.events.intake.ContactChannel;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.Patient;
import org.carepath.events.intake.Region;
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
import org.carepath.events.triage.Classification;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.EpisodeContext;
import org.carepath.events.triage.StartBackRisk;
import org.carepath.events.triage.TriageDecided;

/** Pathway events of one sample episode, as the other services publish them. */
public record SampleEvents(String episodeId, Instant reportedAt, Region region) {

    public static final String SECRET_NAME = "Dana Example-Secret";
    public static final String SECRET_MRN = "MRN-SECRET-77";
    public static final String SECRET_PHONE = "+12125550199";

    public EpisodeReported reported() {
        Patient patient = new Patient(
                SECRET_MRN,
                SECRET_NAME,
                LocalDate.parse("1950-03-04"),
                region,
                new Contact(ContactChannel.SMS, SECRET_PHONE, null));
        return new EpisodeReported(
                episodeId,
                reportedAt,
                patient,
                LocalDate.parse("2026-11-20"),
                6,
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                "patient-" + episodeId);
    }

    public TriageDecided decided(int version, Disposition disposition, String... rules) {
        return new TriageDecided(
                episodeId,
                version,
                reportedAt.plusSeconds(version),
                disposition,
                Classification.ACUTE,
                StartBackRisk.LOW,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(rules),
                List.of(),
                new EpisodeContext(
                        region, LocalDate.parse("2026-11-20"), null, List.of(), null, "patient-" + episodeId));
    }

    public AppointmentBooked booked(String appointmentId, String siteId, Instant start, AppointmentType type) {
        return new AppointmentBooked(
                appointmentId,
                episodeId,
                type,
                Specialty.ORTHOPEDIC_SPINE,
                "ortho-" + siteId,
                siteId,
                region,
                start,
                start.plusSeconds(type.minutes() * 60L),
                AppointmentStatus.BOOKED,
                type.cpt());
    }

    public AppointmentCancelled cancelled(String appointmentId) {
        return new AppointmentCancelled(appointmentId, episodeId, "PATIENT_REQUEST");
    }

    public AppointmentWaitlisted waitlisted(AppointmentType type, Specialty specialty) {
        return new AppointmentWaitlisted(episodeId, type, specialty, reportedAt.plusSeconds(14 * 86_400));
    }

    public FollowUpUpdated followUp(String followUpId, Instant dueAt, FollowUpState state) {
        return new FollowUpUpdated(
                followUpId, episodeId, FollowUpKind.TWO_WEEK_CHECK, "MSG-2W", dueAt, ContactChannel.SMS, null, state);
    }

    public FollowUpDue followUpDue(String followUpId, Instant dueAt) {
        return new FollowUpDue(
                followUpId,
                episodeId,
                FollowUpKind.TWO_WEEK_CHECK,
                dueAt,
                ContactChannel.SMS,
                SECRET_PHONE,
                "How is your back, " + SECRET_NAME + "?");
    }

    public EstimateProduced estimated(int version, String patientPays) {
        BigDecimal pays = new BigDecimal(patientPays);
        return new EstimateProduced(
                episodeId,
                episodeId + ":estimate:v" + version,
                version,
                "USD",
                reportedAt.plusSeconds(60L + version),
                Payer.MEDICARE,
                false,
                List.of(),
                new EstimateTotals(pays, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, pays),
                List.of(),
                List.of("B-MEDICARE"),
                null);
    }
}
