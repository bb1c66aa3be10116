package org.carepath.billing.episode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.carepath.billing.account.EpisodeAccount;
import org.carepath.billing.account.Reestimate;
import org.carepath.billing.estimate.BookedAppointment;
import org.carepath.billing.estimate.EstimateCalculator;
import org.carepath.events.Topics;
import org.carepath.events.billing.EstimateProduced;
import org.carepath.events.scheduling.AppointmentBooked;
import org.carepath.events.scheduling.AppointmentCancelled;
import org.carepath.events.scheduling.AppointmentStatus;
import org.carepath.events.triage.TriageDecided;
import org.carepath.platform.messaging.EventRejectedException;
import org.carepath.platform.messaging.InboundEvent;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.platform.messaging.OutboxMessages;
import org.carepath.platform.outbox.AggregateBatches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps each episode's estimate current as decisions, bookings and cancellations arrive (billing-rules.md §5), a
 * batch at a time ({@link AggregateBatches}). Idempotent on the event id: a redelivered event finds its id among
 * the account's applied events and changes nothing. Concurrent writers are settled by the document's version and
 * its unique id.
 */
@Service
class EpisodeEstimates {

    private static final Logger log = LoggerFactory.getLogger(EpisodeEstimates.class);

    private final EpisodeRepository episodes;
    private final EstimateCalculator calculator;
    private final OutboxMessages outboxMessages;
    private final AggregateBatches batches;
    private final Clock clock;

    EpisodeEstimates(
            EpisodeRepository episodes,
            EstimateCalculator calculator,
            OutboxMessages outboxMessages,
            AggregateBatches batches,
            Clock clock) {
        this.episodes = episodes;
        this.calculator = calculator;
        this.outboxMessages = outboxMessages;
        this.batches = batches;
        this.clock = clock;
    }

    void decided(List<InboundEvent<TriageDecided>> events) {
        apply(events, TriageDecided::episodeId, decision -> {
            if (decision.candidateProcedures() != null
                    && decision.candidateProcedures().stream()
                            .anyMatch(candidate -> candidate == null || isBlank(candidate.cpt()))) {
                throw new EventRejectedException("a candidate procedure has no cpt");
            }
            return account -> account.decided(decision);
        });
    }

    void booked(List<InboundEvent<AppointmentBooked>> events) {
        apply(events, AppointmentBooked::episodeId, booked -> {
            requirePresent(booked.appointmentId(), "appointmentId");
            if (booked.status() == AppointmentStatus.CANCELLED) {
                return account -> account.cancelled(booked.appointmentId());
            }
            BookedAppointment appointment = new BookedAppointment(booked.appointmentId(), cpt(booked), booked.start());
            return account -> account.booked(appointment);
        });
    }

    void cancelled(List<InboundEvent<AppointmentCancelled>> events) {
        apply(events, AppointmentCancelled::episodeId, cancelled -> {
            requirePresent(cancelled.appointmentId(), "appointmentId");
            return account -> account.cancelled(cancelled.appointmentId());
        });
    }

    Optional<EstimateProduced> current(String episodeId) {
        return episodes.findById(episodeId)
                .flatMap(document -> document.account().currentEstimate());
    }

    List<EstimateProduced> history(String episodeId) {
        return episodes.findById(episodeId)
                .map(document -> document.account().estimates())
                .orElse(List.of());
    }

    /** One batch: every account it touches read at once, each event applied in order, one bulk write. */
    private <T> void apply(
            List<InboundEvent<T>> events,
            Function<T, String> episodeIdOf,
            Function<T, UnaryOperator<EpisodeAccount>> changeOf) {
        batches.apply(
                EpisodeDocument.class,
                events,
                event -> requirePresent(episodeIdOf.apply(event.payload()), "episodeId"),
                (document, event) -> applied(
                        document != null ? document : EpisodeDocument.opened(episodeIdOf.apply(event.payload())),
                        event.eventId(),
                        changeOf.apply(event.payload())));
    }

    private EpisodeDocument applied(EpisodeDocument document, String eventId, UnaryOperator<EpisodeAccount> change) {
        if (document.hasApplied(eventId)) {
            log.info("Event {} already applied to episode {}", eventId, document.episodeId());
            return document;
        }
        Reestimate next = reestimated(change.apply(document.account()));
        if (next.produced() == null) {
            log.debug("Event {} applied to episode {}: estimate unchanged", eventId, document.episodeId());
            return document.applied(eventId, next.account());
        }
        log.info(
                "Episode {} estimate v{} produced (cause {})",
                document.episodeId(),
                next.produced().version(),
                eventId);
        return document.applied(eventId, next.account(), published(next.produced()));
    }

    private Reestimate reestimated(EpisodeAccount changed) {
        // Stored instants keep milliseconds: the published estimate then equals the one served.
        Instant producedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            return changed.reestimated(calculator, producedAt);
        } catch (IllegalArgumentException unpriceable) {
            // E.g. a negative deductible in the decision's coverage: retrying cannot help.
            throw new EventRejectedException(
                    "episode " + changed.episodeId() + " cannot be priced: " + unpriceable.getMessage(), unpriceable);
        }
    }

    private OutboxMessage published(EstimateProduced estimate) {
        // A natural id: the same estimate version, however often recomputed, is the same event.
        String eventId = estimate.episodeId() + ":estimate:v" + estimate.version();
        return outboxMessages.create(Topics.ESTIMATE_PRODUCED, eventId, estimate.episodeId(), estimate);
    }

    /** The CPT code scheduling priced the appointment with, else the one of its type (scheduling-rules.md §2). */
    private static String cpt(AppointmentBooked booked) {
        if (!isBlank(booked.cpt())) {
            return booked.cpt();
        }
        if (booked.type() == null) {
            throw new EventRejectedException("appointment " + booked.appointmentId() + " has neither cpt nor type");
        }
        return booked.type().cpt();
    }

    private static String requirePresent(String value, String field) {
        if (isBlank(value)) {
            throw new EventRejectedException("payload has no " + field);
        }
        return value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
