package org.carepath.clinicview.fhir;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.carepath.events.Topics;
import org.carepath.events.billing.LineSource;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.Symptom;
import org.carepath.events.intake.Trigger;
import org.carepath.events.scheduling.AppointmentBooked;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.FollowUpKind;
import org.carepath.events.scheduling.Specialty;
import org.carepath.events.triage.CandidateProcedure;
import org.carepath.events.triage.Classification;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.ImagingRecommendation;
import org.carepath.events.triage.StartBackRisk;
import org.carepath.testing.HttpJson;
import org.carepath.testing.TopicPublisher;

/** Publishes a chronic episode's events to the topics, as the four services would, and waits for the view. */
final class PublishedEpisodes {

    static final Instant APPOINTMENT = Instant.parse("2026-11-27T15:00:00Z");

    private PublishedEpisodes() {}

    record Published(String episodeId, String mrn, String patientId, AppointmentBooked appointment) {}

    /** A chronic specialist referral: report, decision, an MRI booked, a follow-up sent, an estimate. */
    static Published chronicReferral(TopicPublisher topics, HttpJson fhir) {
        String episodeId = UUID.randomUUID().toString();
        String mrn = "MRN-" + episodeId.substring(0, 8);
        EpisodeReported report = Episodes.report(
                episodeId,
                mrn,
                List.of(Symptom.RADIATING_LEG_PAIN),
                List.of(Trigger.LIFTING),
                6,
                LocalDate.parse("2026-10-20"),
                Episodes.highRisk());
        AppointmentBooked mri =
                Episodes.booking(episodeId, AppointmentType.IMAGING_MRI, Specialty.IMAGING, APPOINTMENT);
        topics.publish(Topics.EPISODE_REPORTED, episodeId, report);
        topics.publish(
                Topics.TRIAGE_DECIDED,
                episodeId,
                Episodes.decision(
                        episodeId,
                        1,
                        Disposition.SPECIALIST_REFERRAL,
                        Classification.CHRONIC,
                        StartBackRisk.HIGH,
                        List.of(),
                        List.of(new ImagingRecommendation(ImagingModality.MRI, "IM-MRI", "beyond 21 days")),
                        List.of(new CandidateProcedure("63030", "SU-DISC", "Discectomy", "if conservative care fails")),
                        Episodes.conservativePlan(),
                        List.of("CL-CHRONIC", "SP-3", "IM-MRI", "SB-HIGH")));
        topics.publish(Topics.APPOINTMENT_BOOKED, episodeId, mri);
        topics.publish(
                Topics.FOLLOWUP_DUE,
                episodeId,
                Episodes.followUp(episodeId, episodeId + ":ICE_TO_HEAT", FollowUpKind.ICE_TO_HEAT));
        topics.publish(
                Topics.ESTIMATE_PRODUCED,
                episodeId,
                Episodes.estimate(
                        episodeId,
                        List.of(Episodes.line("72148", mri.appointmentId(), "233.38", LineSource.APPOINTMENT))));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpJson.Response everything = fhir.get("/EpisodeOfCare/" + episodeId + "/$everything");
            return everything.status() == 200
                    && everything.body().contains("\"Claim\"")
                    && everything.body().contains("\"Appointment\"")
                    && everything.body().contains("\"CommunicationRequest\"");
        });
        return new Published(episodeId, mrn, FhirIds.of(report.patientId()), mri);
    }
}
