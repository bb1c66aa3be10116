package org.carepath.events;

import java.util.List;
import org.carepath.events.audit.AuditRecorded;
import org.carepath.events.billing.EstimateProduced;
import org.carepath.events.intake.CheckInRecorded;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.FindingRecorded;
import org.carepath.events.scheduling.AppointmentBooked;
import org.carepath.events.scheduling.AppointmentCancelled;
import org.carepath.events.scheduling.AppointmentWaitlisted;
import org.carepath.events.scheduling.FollowUpDue;
import org.carepath.events.scheduling.FollowUpUpdated;
import org.carepath.events.triage.TriageDecided;

/** Every topic of CONTRACT.md, declared once. Key = episodeId, value = JSON, CloudEvents binary mode. */
public final class Topics {

    public static final PathwayTopic<EpisodeReported> EPISODE_REPORTED =
            new PathwayTopic<>("carepath.episode.reported", "carepath.episode.reported.v1", EpisodeReported.class);
    public static final PathwayTopic<CheckInRecorded> CHECKIN_RECORDED = new PathwayTopic<>(
            "carepath.episode.checkin-recorded", "carepath.episode.checkin-recorded.v1", CheckInRecorded.class);
    public static final PathwayTopic<FindingRecorded> FINDING_RECORDED = new PathwayTopic<>(
            "carepath.episode.finding-recorded", "carepath.episode.finding-recorded.v1", FindingRecorded.class);
    public static final PathwayTopic<TriageDecided> TRIAGE_DECIDED =
            new PathwayTopic<>("carepath.triage.decided", "carepath.triage.decided.v1", TriageDecided.class);
    public static final PathwayTopic<AppointmentBooked> APPOINTMENT_BOOKED = new PathwayTopic<>(
            "carepath.appointment.booked", "carepath.appointment.booked.v1", AppointmentBooked.class);
    public static final PathwayTopic<AppointmentCancelled> APPOINTMENT_CANCELLED = new PathwayTopic<>(
            "carepath.appointment.cancelled", "carepath.appointment.cancelled.v1", AppointmentCancelled.class);
    public static final PathwayTopic<AppointmentWaitlisted> APPOINTMENT_WAITLISTED = new PathwayTopic<>(
            "carepath.appointment.waitlisted", "carepath.appointment.waitlisted.v1", AppointmentWaitlisted.class);
    public static final PathwayTopic<FollowUpDue> FOLLOWUP_DUE =
            new PathwayTopic<>("carepath.followup.due", "carepath.followup.due.v1", FollowUpDue.class);
    public static final PathwayTopic<FollowUpUpdated> FOLLOWUP_UPDATED =
            new PathwayTopic<>("carepath.followup.updated", "carepath.followup.updated.v1", FollowUpUpdated.class);
    public static final PathwayTopic<EstimateProduced> ESTIMATE_PRODUCED =
            new PathwayTopic<>("carepath.estimate.produced", "carepath.estimate.produced.v1", EstimateProduced.class);
    public static final PathwayTopic<AuditRecorded> AUDIT_RECORDED =
            new PathwayTopic<>("carepath.audit.recorded", "carepath.audit.recorded.v1", AuditRecorded.class);

    public static final List<PathwayTopic<?>> ALL = List.of(
            EPISODE_REPORTED,
            CHECKIN_RECORDED,
            FINDING_RECORDED,
            TRIAGE_DECIDED,
            APPOINTMENT_BOOKED,
            APPOINTMENT_CANCELLED,
            APPOINTMENT_WAITLISTED,
            FOLLOWUP_DUE,
            FOLLOWUP_UPDATED,
            ESTIMATE_PRODUCED,
            AUDIT_RECORDED);

    private Topics() {}

    public static PathwayTopic<?> byCeType(String ceType) {
        return ALL.stream()
                .filter(topic -> topic.ceType().equals(ceType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ce_type " + ceType));
    }
}
