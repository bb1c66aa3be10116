package org.carepath.clinicview.episode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.carepath.events.billing.EstimateProduced;
import org.carepath.events.intake.CheckInRecorded;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.FindingRecorded;
import org.carepath.events.scheduling.AppointmentBooked;
import org.carepath.events.scheduling.AppointmentCancelled;
import org.carepath.events.scheduling.AppointmentStatus;
import org.carepath.events.scheduling.AppointmentWaitlisted;
import org.carepath.events.scheduling.FollowUpDue;
import org.carepath.events.scheduling.FollowUpUpdated;
import org.carepath.events.triage.TriageDecided;

/**
 * One episode as the topics tell it, for the read model: the report, its check-ins and findings, the latest
 * decision and estimate, the appointments, waitlist entries and follow-ups sent. Plain Java.
 *
 * <p>Every change is a merge that does not depend on the order events arrive in across topics, and applying an
 * event twice changes nothing: the decision and the estimate with the highest version win; a cancellation sticks
 * whichever of it and the booking comes first; a booked appointment moved later (same id, a new event on the same
 * partition) is ordered by its record's offset, so a replay of the log gives the same model.
 */
public record EpisodeRecord(
        String episodeId,
        EpisodeReported report,
        List<CheckInRecorded> checkIns,
        List<FindingRecorded> findings,
        TriageDecided decision,
        List<AppointmentState> appointments,
        List<AppointmentWaitlisted> waitlist,
        List<FollowUpDue> followUps,
        List<FollowUpUpdated> followUpStates,
        EstimateProduced estimate) {

    public EpisodeRecord {
        checkIns = listOrEmpty(checkIns);
        findings = listOrEmpty(findings);
        appointments = listOrEmpty(appointments);
        waitlist = listOrEmpty(waitlist);
        followUps = listOrEmpty(followUps);
        followUpStates = listOrEmpty(followUpStates);
    }

    public static EpisodeRecord opened(String episodeId) {
        return new EpisodeRecord(episodeId, null, null, null, null, null, null, null, null, null);
    }

    /** An appointment as last booked or moved, and whether it was cancelled. */
    public record AppointmentState(AppointmentBooked booked, long bookedOffset, boolean cancelled, String reason) {

        public String appointmentId() {
            return booked.appointmentId();
        }

        public boolean active() {
            return !cancelled && booked.status() != AppointmentStatus.CANCELLED;
        }
    }

    public EpisodeRecord reported(EpisodeReported reported) {
        if (report != null) {
            return this;
        }
        return new EpisodeRecord(
                episodeId,
                reported,
                checkIns,
                findings,
                decision,
                appointments,
                waitlist,
                followUps,
                followUpStates,
                estimate);
    }

    public EpisodeRecord checkedIn(CheckInRecorded checkIn) {
        List<CheckInRecorded> next = merged(checkIns, checkIn, CheckInRecorded::checkInId);
        return new EpisodeRecord(
                episodeId,
                report,
                next,
                findings,
                decision,
                appointments,
                waitlist,
                followUps,
                followUpStates,
                estimate);
    }

    public EpisodeRecord found(FindingRecorded finding) {
        List<FindingRecorded> next = merged(findings, finding, FindingRecorded::findingId);
        return new EpisodeRecord(
                episodeId,
                report,
                checkIns,
                next,
                decision,
                appointments,
                waitlist,
                followUps,
                followUpStates,
                estimate);
    }

    public EpisodeRecord decided(TriageDecided decided) {
        if (decision != null && decision.version() >= decided.version()) {
            return this;
        }
        return new EpisodeRecord(
                episodeId,
                report,
                checkIns,
                findings,
                decided,
                appointments,
                waitlist,
                followUps,
                followUpStates,
                estimate);
    }

    public EpisodeRecord booked(AppointmentBooked booked, long offset) {
        Optional<AppointmentState> known = appointment(booked.appointmentId());
        if (known.isPresent() && known.get().bookedOffset() >= offset) {
            return this;
        }
        AppointmentState next = known.map(
                        state -> new AppointmentState(booked, offset, state.cancelled(), state.reason()))
                .orElse(new AppointmentState(booked, offset, false, null));
        return withAppointment(next);
    }

    public EpisodeRecord cancelled(AppointmentCancelled cancelled) {
        Optional<AppointmentState> known = appointment(cancelled.appointmentId());
        if (known.isPresent() && known.get().cancelled()) {
            return this;
        }
        // A cancellation that overtook its booking waits for it: kept with a placeholder booking of offset -1.
        AppointmentBooked booking = known.map(AppointmentState::booked)
                .orElse(new AppointmentBooked(
                        cancelled.appointmentId(), episodeId, null, null, null, null, null, null, null, null, null));
        long offset = known.map(AppointmentState::bookedOffset).orElse(-1L);
        return withAppointment(new AppointmentState(booking, offset, true, cancelled.reason()));
    }

    public EpisodeRecord waitlisted(AppointmentWaitlisted waitlisted) {
        List<AppointmentWaitlisted> next = merged(waitlist, waitlisted, entry -> String.valueOf(entry.type()));
        return new EpisodeRecord(
                episodeId,
                report,
                checkIns,
                findings,
                decision,
                appointments,
                next,
                followUps,
                followUpStates,
                estimate);
    }

    public EpisodeRecord followUpSent(FollowUpDue due) {
        List<FollowUpDue> next = merged(followUps, due, FollowUpDue::followUpId);
        return new EpisodeRecord(
                episodeId,
                report,
                checkIns,
                findings,
                decision,
                appointments,
                waitlist,
                next,
                followUpStates,
                estimate);
    }

    /**
     * A follow-up's state from scheduling: a sent or cancelled one stays so whichever update comes last; of two
     * pending ones (MSG-QUIET defers a follow-up) the later due time wins.
     */
    public EpisodeRecord followUpUpdated(FollowUpUpdated updated) {
        Optional<FollowUpUpdated> known = followUpStates.stream()
                .filter(state -> state.followUpId().equals(updated.followUpId()))
                .findFirst();
        if (known.isPresent() && !FollowUpStates.supersedes(updated, known.get())) {
            return this;
        }
        List<FollowUpUpdated> next = new ArrayList<>(followUpStates);
        next.removeIf(state -> state.followUpId().equals(updated.followUpId()));
        next.add(updated);
        next.sort(Comparator.comparing(FollowUpUpdated::followUpId));
        return new EpisodeRecord(
                episodeId, report, checkIns, findings, decision, appointments, waitlist, followUps, next, estimate);
    }

    public EpisodeRecord estimated(EstimateProduced produced) {
        if (estimate != null && version(estimate) >= version(produced)) {
            return this;
        }
        return new EpisodeRecord(
                episodeId,
                report,
                checkIns,
                findings,
                decision,
                appointments,
                waitlist,
                followUps,
                followUpStates,
                produced);
    }

    /** Appointments known from a booking (not only from a cancellation that overtook it), soonest first. */
    public List<AppointmentState> knownAppointments() {
        return appointments.stream()
                .filter(state -> state.bookedOffset() >= 0)
                .sorted(Comparator.comparing(state -> state.booked().start()))
                .toList();
    }

    /** Waitlist entries still open: no active appointment of their type has been booked since. */
    public List<AppointmentWaitlisted> openWaitlist() {
        Set<Object> bookedTypes = new LinkedHashSet<>();
        knownAppointments().stream()
                .filter(AppointmentState::active)
                .forEach(state -> bookedTypes.add(state.booked().type()));
        return waitlist.stream()
                .filter(entry -> !bookedTypes.contains(entry.type()))
                .toList();
    }

    private Optional<AppointmentState> appointment(String appointmentId) {
        return appointments.stream()
                .filter(state -> state.appointmentId().equals(appointmentId))
                .findFirst();
    }

    private EpisodeRecord withAppointment(AppointmentState state) {
        List<AppointmentState> next = new ArrayList<>(appointments);
        next.removeIf(known -> known.appointmentId().equals(state.appointmentId()));
        next.add(state);
        next.sort(Comparator.comparing(AppointmentState::appointmentId));
        return new EpisodeRecord(
                episodeId, report, checkIns, findings, decision, next, waitlist, followUps, followUpStates, estimate);
    }

    /** The list with the item added unless one of its key is there already, ordered by key. */
    private static <T> List<T> merged(List<T> list, T item, Function<T, String> key) {
        String itemKey = key.apply(item);
        if (list.stream().anyMatch(existing -> key.apply(existing).equals(itemKey))) {
            return list;
        }
        List<T> next = new ArrayList<>(list);
        next.add(item);
        next.sort(Comparator.comparing(key));
        return List.copyOf(next);
    }

    private static int version(EstimateProduced estimate) {
        return estimate.version() == null ? 0 : estimate.version();
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
