package org.carepath.clinicview.projection;

import java.util.List;
import org.carepath.clinicview.episode.EpisodeRecord;
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
import org.carepath.platform.messaging.EventRejectedException;
import org.carepath.platform.messaging.InboundEvent;
import org.carepath.platform.outbox.AggregateBatches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies a batch of pathway events, from any topic, to the episodes they touch: one read by {@code _id}, the
 * figures documents brought in step, one bulk write ({@link AggregateBatches}). Idempotent on the event id.
 */
@Service
public class EpisodeProjection {

    private static final Logger log = LoggerFactory.getLogger(EpisodeProjection.class);

    private final AggregateBatches batches;
    private final FigureWriter figures;

    EpisodeProjection(AggregateBatches batches, FigureWriter figures) {
        this.batches = batches;
        this.figures = figures;
    }

    void apply(List<InboundEvent<ProjectedEvent>> events) {
        batches.apply(
                EpisodeView.class,
                events,
                event -> episodeIdOf(event.payload().payload()),
                (view, event) -> applied(
                        view != null
                                ? view
                                : EpisodeView.opened(episodeIdOf(event.payload().payload())),
                        event),
                figures::changing);
    }

    static EpisodeView applied(EpisodeView view, InboundEvent<ProjectedEvent> event) {
        if (view.hasApplied(event.eventId())) {
            log.debug("Event {} already in the view of episode {}", event.eventId(), view.episodeId());
            return view;
        }
        EpisodeRecord next = merged(view.record(), event.payload());
        return view.applied(event.eventId(), next);
    }

    static EpisodeRecord merged(EpisodeRecord record, ProjectedEvent event) {
        Object payload = event.payload();
        if (payload instanceof EpisodeReported reported) {
            return record.reported(reported);
        }
        if (payload instanceof CheckInRecorded checkIn) {
            return record.checkedIn(require(checkIn.checkInId(), "checkInId", checkIn));
        }
        if (payload instanceof FindingRecorded finding) {
            return record.found(require(finding.findingId(), "findingId", finding));
        }
        if (payload instanceof TriageDecided decided) {
            return record.decided(decided);
        }
        if (payload instanceof AppointmentBooked booked) {
            return record.booked(require(booked.appointmentId(), "appointmentId", booked), event.offset());
        }
        if (payload instanceof AppointmentCancelled cancelled) {
            return record.cancelled(require(cancelled.appointmentId(), "appointmentId", cancelled));
        }
        if (payload instanceof AppointmentWaitlisted waitlisted) {
            return record.waitlisted(waitlisted);
        }
        if (payload instanceof FollowUpDue due) {
            return record.followUpSent(require(due.followUpId(), "followUpId", due));
        }
        if (payload instanceof FollowUpUpdated updated) {
            return record.followUpUpdated(require(updated.followUpId(), "followUpId", updated));
        }
        if (payload instanceof EstimateProduced estimate) {
            return record.estimated(estimate);
        }
        throw new EventRejectedException(
                "no projection for " + payload.getClass().getSimpleName());
    }

    static String episodeIdOf(Object payload) {
        String episodeId = null;
        if (payload instanceof EpisodeReported reported) {
            episodeId = reported.episodeId();
        } else if (payload instanceof CheckInRecorded checkIn) {
            episodeId = checkIn.episodeId();
        } else if (payload instanceof FindingRecorded finding) {
            episodeId = finding.episodeId();
        } else if (payload instanceof TriageDecided decided) {
            episodeId = decided.episodeId();
        } else if (payload instanceof AppointmentBooked booked) {
            episodeId = booked.episodeId();
        } else if (payload instanceof AppointmentCancelled cancelled) {
            episodeId = cancelled.episodeId();
        } else if (payload instanceof AppointmentWaitlisted waitlisted) {
            episodeId = waitlisted.episodeId();
        } else if (payload instanceof FollowUpDue due) {
            episodeId = due.episodeId();
        } else if (payload instanceof FollowUpUpdated updated) {
            episodeId = updated.episodeId();
        } else if (payload instanceof EstimateProduced estimate) {
            episodeId = estimate.episodeId();
        }
        return require(episodeId, "episodeId", episodeId);
    }

    private static <T> T require(String value, String field, T result) {
        if (value == null || value.isBlank()) {
            throw new EventRejectedException("payload has no " + field);
        }
        return result;
    }
}
