package org.carepath.scheduling.booking;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.scheduling.directory.Slot;

/**
 * What an episode already has: its appointments (booked or cancelled) and its waitlist entries; and {@code
 * elsewhere}, the time its patient is booked in their other episodes, which its appointments must keep clear of.
 */
public record EpisodeBookings(
        List<Appointment> appointments, List<WaitlistEntry> waitlist, List<PatientTime> elsewhere) {

    public EpisodeBookings {
        appointments = List.copyOf(appointments);
        waitlist = List.copyOf(waitlist);
        elsewhere = List.copyOf(elsewhere);
    }

    /** An episode whose patient has no other episode booked (or whose episode is the patient). */
    public EpisodeBookings(List<Appointment> appointments, List<WaitlistEntry> waitlist) {
        this(appointments, waitlist, List.of());
    }

    public static EpisodeBookings none() {
        return new EpisodeBookings(List.of(), List.of());
    }

    /** The same bookings, with the patient's time in their other episodes to keep clear of. */
    public EpisodeBookings alsoBusy(List<PatientTime> otherEpisodes) {
        return new EpisodeBookings(appointments, waitlist, otherEpisodes);
    }

    public List<Appointment> booked() {
        return appointments.stream().filter(Appointment::isBooked).toList();
    }

    public List<WaitlistEntry> waiting() {
        return waitlist.stream().filter(WaitlistEntry::isWaiting).toList();
    }

    /**
     * Whether an earlier decision already booked or waitlisted this type and it still stands: a booked
     * appointment or a waiting entry. A cancelled appointment does not (BK-REBOOK: a later decision that still
     * calls for it books it again), nor does a withdrawn entry.
     */
    public boolean covers(AppointmentType type) {
        return appointments.stream().anyMatch(appointment -> appointment.isBooked() && appointment.type() == type)
                || waitlist.stream().anyMatch(entry -> entry.isWaiting() && entry.type() == type);
    }

    /** Whether an appointment of this type was booked and then cancelled, and none of it is booked now. */
    public boolean hadCancelled(AppointmentType type) {
        return !covers(type)
                && appointments.stream().anyMatch(appointment -> !appointment.isBooked() && appointment.type() == type);
    }

    /** The newest decision version anything was booked or waitlisted for; 0 when there is nothing. */
    public int latestDecisionVersion() {
        return Stream.concat(
                        appointments.stream().map(Appointment::decisionVersion),
                        waitlist.stream().map(WaitlistEntry::decisionVersion))
                .mapToInt(Integer::intValue)
                .max()
                .orElse(0);
    }

    /**
     * Whether an appointment of {@code type} in {@code slot} keeps the patient's appointments apart (§4.2), in this
     * episode and in the patient's others.
     */
    public boolean leavesRoomFor(Slot slot, AppointmentType type) {
        Instant end = slot.start().plusSeconds(60L * type.minutes());
        return appointments.stream()
                        .filter(Appointment::isBooked)
                        .noneMatch(
                                booked -> booked.slotId().equals(slot.slotId()) || booked.overlaps(slot.start(), end))
                && elsewhere.stream().noneMatch(busy -> busy.overlaps(slot.start(), end));
    }

    /** These bookings without one appointment: the room left when it is moved elsewhere. */
    public EpisodeBookings without(String appointmentId) {
        return new EpisodeBookings(
                appointments.stream()
                        .filter(appointment -> !appointment.appointmentId().equals(appointmentId))
                        .toList(),
                waitlist,
                elsewhere);
    }

    EpisodeBookings with(Appointment appointment) {
        return new EpisodeBookings(
                Stream.concat(appointments.stream(), Stream.of(appointment)).toList(), waitlist, elsewhere);
    }

    EpisodeBookings with(WaitlistEntry entry) {
        return new EpisodeBookings(
                appointments,
                Stream.concat(
                                waitlist.stream()
                                        .filter(existing -> !existing.entryId().equals(entry.entryId())),
                                Stream.of(entry))
                        .toList(),
                elsewhere);
    }
}
