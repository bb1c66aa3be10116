package org.carepath.scheduling.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.EpisodeContext;
import org.carepath.events.triage.TriageDecided;
import org.carepath.scheduling.directory.AppointmentTypes;
import org.carepath.scheduling.directory.Directory;
import org.carepath.scheduling.directory.Slot;

/**
 * Turns a triage decision into bookings (scheduling-rules §3–4). Pure: it reads the episode's existing bookings
 * and the open slots it is given and returns a {@link BookingPlan}; storing it (a unique index on the slot id
 * keeps two racing instances from booking one slot) and publishing its events is the caller's job.
 */
public final class BookingPlanner {

    private final Directory directory;

    public BookingPlanner(Directory directory) {
        this.directory = directory;
    }

    /** As {@link #plan(TriageDecided, EpisodeBookings, OpenSlots, Instant)}, as of the decision's time. */
    public BookingPlan plan(TriageDecided decision, EpisodeBookings bookings, OpenSlots openSlots) {
        return plan(decision, bookings, openSlots, decision.decidedAt());
    }

    /**
     * Books what the decision asks for and earlier versions have not already booked or waitlisted (an appointment
     * booked and then cancelled is booked again: BK-REBOOK). A version no newer than one already booked for (a
     * redelivered or stale decision) books nothing. BK-ER keeps what is booked; BK-RC cancels what is booked to
     * start after {@code now}. Both withdraw what still waits.
     */
    public BookingPlan plan(TriageDecided decision, EpisodeBookings bookings, OpenSlots openSlots, Instant now) {
        EpisodeContext episode = requireEpisode(decision);
        String rule = BookingRules.ruleFor(decision.disposition());
        if (bookings.latestDecisionVersion() >= decision.version()) {
            return new BookingPlan(decision.episodeId(), List.of(), List.of(), List.of(), List.of(rule));
        }
        if (endsClinicBooking(decision.disposition())) {
            List<WaitlistEntry> withdrawn =
                    bookings.waiting().stream().map(WaitlistEntry::withdraw).toList();
            List<Appointment> cancelled = decision.disposition() == Disposition.RECOVERED
                    ? bookings.booked().stream()
                            .filter(appointment -> appointment.start().isAfter(now))
                            .map(Appointment::cancel)
                            .toList()
                    : List.of();
            return new BookingPlan(decision.episodeId(), List.of(), List.of(), withdrawn, List.of(rule), cancelled);
        }
        SlotFinder finder = new SlotFinder(directory, openSlots);
        EpisodeBookings soFar = bookings;
        List<Appointment> appointments = new ArrayList<>();
        List<WaitlistEntry> waitlisted = new ArrayList<>();
        Set<String> rules = new LinkedHashSet<>(List.of(rule));
        for (BookingRequest request : BookingRules.requestsFor(decision)) {
            if (bookings.covers(request.type())) {
                continue;
            }
            if (bookings.hadCancelled(request.type())) {
                rules.add(BookingRules.REBOOK);
            }
            String id = appointmentId(decision.episodeId(), request.type(), decision.version());
            Optional<Slot> slot = finder.earliestAfter(
                    request.after(),
                    request.type(),
                    request.specialty(),
                    episode.region(),
                    request.windowStart(),
                    request.windowEnd(),
                    soFar);
            String bookedBy = request.rule();
            if (slot.isEmpty() && request.urgent()) {
                slot = finder.earliest(
                        request.type(),
                        request.specialty(),
                        episode.region(),
                        request.windowStart(),
                        request.windowEnd(),
                        soFar);
                bookedBy = BookingRules.URGENT;
            }
            if (slot.isPresent()) {
                Appointment appointment = Appointment.inSlot(
                        id, decision.episodeId(), decision.version(), request.type(), slot.get(), bookedBy);
                appointments.add(appointment);
                rules.add(bookedBy);
                soFar = soFar.with(appointment);
            } else {
                WaitlistEntry entry = waitlistEntry(id, decision, episode.region(), request);
                waitlisted.add(entry);
                soFar = soFar.with(entry);
            }
        }
        return new BookingPlan(decision.episodeId(), appointments, waitlisted, List.of(), List.copyOf(rules));
    }

    /**
     * Tries again to book an episode's waiting entries (after new availability, or once the imaging a visit
     * waits for has been booked): imaging first, each from {@code now} or its window start, within its window.
     */
    public BookingPlan retryWaitlist(String episodeId, EpisodeBookings bookings, OpenSlots openSlots, Instant now) {
        SlotFinder finder = new SlotFinder(directory, openSlots);
        EpisodeBookings soFar = bookings;
        List<Appointment> appointments = new ArrayList<>();
        List<WaitlistEntry> served = new ArrayList<>();
        List<WaitlistEntry> waiting = bookings.waiting().stream()
                .sorted(Comparator.comparing(
                                (WaitlistEntry entry) -> !entry.after().isEmpty())
                        .thenComparing(WaitlistEntry::waitlistedAt)
                        .thenComparing(WaitlistEntry::entryId))
                .toList();
        for (WaitlistEntry entry : waiting) {
            Instant from = entry.windowStart().isAfter(now) ? entry.windowStart() : now;
            Optional<Slot> slot = finder.earliestAfter(
                    entry.after(), entry.type(), entry.specialty(), entry.region(), from, entry.windowEnd(), soFar);
            String bookedBy = entry.rule();
            if (slot.isEmpty() && entry.urgent()) {
                // BK-URGENT: inside the window even before the imaging
                slot = finder.earliest(entry.type(), entry.specialty(), entry.region(), from, entry.windowEnd(), soFar);
                bookedBy = BookingRules.URGENT;
            }
            if (slot.isPresent()) {
                Appointment appointment = appointmentFor(entry, slot.get(), bookedBy);
                appointments.add(appointment);
                served.add(entry.serve());
                soFar = soFar.with(appointment).with(entry.serve());
            }
        }
        List<String> rules =
                appointments.stream().map(Appointment::rule).distinct().toList();
        return new BookingPlan(episodeId, appointments, List.of(), served, rules);
    }

    /** Deterministic, so a replayed decision names the same appointment: {@code <episodeId>:<TYPE>:v<version>}. */
    public static String appointmentId(String episodeId, AppointmentType type, int decisionVersion) {
        return episodeId + ":" + type + ":v" + decisionVersion;
    }

    static Appointment appointmentFor(WaitlistEntry entry, Slot slot, String rule) {
        return Appointment.inSlot(
                entry.entryId(), entry.episodeId(), entry.decisionVersion(), entry.type(), slot, rule);
    }

    // BK-ER, BK-RC: nothing is booked, and what still waits would book a clinic visit nobody needs any more
    private static boolean endsClinicBooking(Disposition disposition) {
        return disposition == Disposition.EMERGENCY || disposition == Disposition.RECOVERED;
    }

    private static WaitlistEntry waitlistEntry(
            String id, TriageDecided decision, Region region, BookingRequest request) {
        return new WaitlistEntry(
                id,
                decision.episodeId(),
                decision.version(),
                request.type(),
                request.specialty(),
                AppointmentTypes.modalityOf(request.type()),
                region,
                request.windowStart(),
                request.windowEnd(),
                request.after(),
                decision.decidedAt(),
                WaitlistStatus.WAITING,
                request.rule(),
                request.urgent());
    }

    private static EpisodeContext requireEpisode(TriageDecided decision) {
        if (decision.episode() == null) {
            throw new IllegalArgumentException("decision v" + decision.version() + " of episode " + decision.episodeId()
                    + " has no episode context");
        }
        return decision.episode();
    }
}
