package org.carepath.billing.account;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.carepath.billing.estimate.BookedAppointment;
import org.carepath.billing.estimate.EstimateCalculator;
import org.carepath.billing.estimate.Quote;
import org.carepath.events.billing.EstimateProduced;
import org.carepath.events.intake.Coverage;
import org.carepath.events.intake.Trigger;
import org.carepath.events.triage.CandidateProcedure;
import org.carepath.events.triage.TriageDecided;

/**
 * One episode's account (billing-rules.md §5). Immutable; each transition returns the next state.
 *
 * @param decisionVersion the latest triage decision version applied, 0 before the first
 * @param coverage and {@code triggers} from the latest decision's episode context; coverage null is self-pay
 * @param candidates the candidate procedures of the latest decision
 * @param booked the appointments still booked, in booking order (priced by date of service, B-ORDER)
 * @param cancelledAppointmentIds appointments cancelled: a booking of one of them arriving late is not a line
 * @param estimates every version produced, oldest first
 * @param patientId the patient's opaque id from the decisions' episode context (whose account it is), if known
 */
public record EpisodeAccount(
        String episodeId,
        int decisionVersion,
        Coverage coverage,
        List<Trigger> triggers,
        List<CandidateProcedure> candidates,
        List<BookedAppointment> booked,
        List<String> cancelledAppointmentIds,
        List<EstimateProduced> estimates,
        String patientId) {

    public EpisodeAccount {
        Objects.requireNonNull(episodeId, "episodeId");
        triggers = listOrEmpty(triggers);
        candidates = listOrEmpty(candidates);
        booked = listOrEmpty(booked);
        cancelledAppointmentIds = listOrEmpty(cancelledAppointmentIds);
        estimates = listOrEmpty(estimates);
    }

    /** An episode billing has heard nothing about yet. */
    public static EpisodeAccount opened(String episodeId) {
        return new EpisodeAccount(episodeId, 0, null, List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    /** Whether a decision has arrived, so the coverage to price with is known. */
    public boolean decisionKnown() {
        return decisionVersion > 0;
    }

    public Optional<EstimateProduced> currentEstimate() {
        return estimates.isEmpty() ? Optional.empty() : Optional.of(estimates.get(estimates.size() - 1));
    }

    /**
     * Takes coverage, triggers and candidate procedures from a newer decision; a version no newer than the one
     * applied (arriving late or redelivered) changes nothing.
     */
    public EpisodeAccount decided(TriageDecided decision) {
        Objects.requireNonNull(decision, "decision");
        if (decision.version() <= decisionVersion) {
            return this;
        }
        var context = decision.episode();
        // A decision without its episode context keeps the facts an earlier decision carried.
        Coverage nextCoverage = context == null ? coverage : context.coverage();
        List<Trigger> nextTriggers = context == null ? triggers : context.triggers();
        return new EpisodeAccount(
                episodeId,
                decision.version(),
                nextCoverage,
                nextTriggers,
                decision.candidateProcedures(),
                booked,
                cancelledAppointmentIds,
                estimates,
                context == null || context.patientId() == null ? patientId : context.patientId());
    }

    /** Adds an appointment once, however often its booking is reported; a cancelled one stays out. */
    public EpisodeAccount booked(BookedAppointment appointment) {
        Objects.requireNonNull(appointment, "appointment");
        if (cancelledAppointmentIds.contains(appointment.appointmentId()) || isBooked(appointment.appointmentId())) {
            return this;
        }
        return new EpisodeAccount(
                episodeId,
                decisionVersion,
                coverage,
                triggers,
                candidates,
                appended(booked, appointment),
                cancelledAppointmentIds,
                estimates,
                patientId);
    }

    /** Removes the appointment's line; remembered, in case its booking arrives after the cancellation. */
    public EpisodeAccount cancelled(String appointmentId) {
        Objects.requireNonNull(appointmentId, "appointmentId");
        if (cancelledAppointmentIds.contains(appointmentId)) {
            return this;
        }
        return new EpisodeAccount(
                episodeId,
                decisionVersion,
                coverage,
                triggers,
                candidates,
                booked.stream()
                        .filter(appointment -> !appointment.appointmentId().equals(appointmentId))
                        .toList(),
                appended(cancelledAppointmentIds, appointmentId),
                estimates,
                patientId);
    }

    /**
     * Prices the episode's lines again, all of them from the starting deductibles in B-ORDER, and keeps the result as the next estimate version when it differs from the
     * current one. Nothing is produced before a decision (coverage unknown) or when the estimate would be the same
     * as the current one (e.g. a new decision with the same candidates). The first decision always yields one, if
     * only to say that nothing planned so far costs the patient anything.
     */
    public Reestimate reestimated(EstimateCalculator calculator, Instant producedAt) {
        Objects.requireNonNull(calculator, "calculator");
        Objects.requireNonNull(producedAt, "producedAt");
        if (!decisionKnown()) {
            return Reestimate.unchanged(this);
        }
        Optional<EstimateProduced> current = currentEstimate();
        Quote quote = calculator.quoteEpisode(coverage, triggers, booked, candidates);
        if (current.isPresent() && sameAs(quote, current.get())) {
            return Reestimate.unchanged(this);
        }
        int version = estimates.size() + 1;
        EstimateProduced next = quote.toEstimate(episodeId, estimateId(episodeId, version), version, producedAt);
        return Reestimate.produced(withEstimate(next), next);
    }

    /** The id of an episode's estimate version: the same version, however often recomputed, has the same id. */
    public static String estimateId(String episodeId, int version) {
        return UUID.nameUUIDFromBytes((episodeId + ":estimate:v" + version).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static boolean sameAs(Quote quote, EstimateProduced current) {
        return quote.toEstimate(current.episodeId(), current.estimateId(), current.version(), current.producedAt())
                .equals(current);
    }

    private EpisodeAccount withEstimate(EstimateProduced estimate) {
        return new EpisodeAccount(
                episodeId,
                decisionVersion,
                coverage,
                triggers,
                candidates,
                booked,
                cancelledAppointmentIds,
                appended(estimates, estimate),
                patientId);
    }

    private boolean isBooked(String appointmentId) {
        return booked.stream()
                .anyMatch(appointment -> appointment.appointmentId().equals(appointmentId));
    }

    private static <T> List<T> appended(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return List.copyOf(copy);
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
