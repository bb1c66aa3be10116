package org.carepath.scheduling.booking;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.scheduling.directory.Slot;

/** What an episode already has: its appointments (booked or cancelled) and its waitlist entries. */
public record EpisodeBookings(List<Appointment> appointments, List<WaitlistEntry> waitlist) {

    public EpisodeBookings {
        appointments = List.copyOf(appointments);
        waitlist = List.copyOf(waitlist);
    }

    public static EpisodeBookings none() {
        return new EpisodeBookings(List.of(), List.of());
    }

    public List<Appointment> booked() {
        return appointments.stream().filter(Appointment::isBooked).toList();
    }

    public List<WaitlistEntry> waiting() {
        return waitlist.stream().filter(WaitlistEntry::isWaiting).toList();
    }

    /**
     * Whether an earlier decision already booked or waitlisted this type: a cancelled appointment counts (it
     * was booked; the patient can book again by hand), a withdrawn waitlist entry does not.
     */
    public boolean covers(AppointmentType type) {
        return appointments.stream().anyMatch(appointment -> appointment.type() == type)
                || waitlist.stream()
                        .anyMatch(entry -> entry.type() == type && entry.status() != WaitlistStatus.WITHDRAWN);
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

    /** Whether an appointment of {@code type} in {@code slot} keeps the patient's appointments apart (§4.2). */
    public boolean leavesRoomFor(Slot slot, AppointmentType type) {
        Instant end = slot.start().plusSeconds(60L * type.minutes());
        return appointments.stream()
                .filter(Appointment::isBooked)
                .noneMatch(booked -> booked.slotId().equals(slot.slotId()) || booked.overlaps(slot.start(), end));
    }

    /** These bookings without one appointment: the room left when it is moved elsewhere. */
    public EpisodeBookings without(String appointmentId) {
        return new EpisodeBookings(
                appointments.stream()
                        .filter(appointment -> !appointment.appointmentId().equals(appointmentId))
                        .toList(),
                waitlist);
    }

    EpisodeBookings with(Appointment appointment) {
        return new EpisodeBookings(
                Stream.concat(appointments.stream(), Stream.of(appointment)).toList(), waitlist);
    }

    EpisodeBookings with(WaitlistEntry entry) {
        return new EpisodeBookings(
                appointments,
                Stream.concat(
                                waitlist.stream()
                                        .filter(existing -> !existing.entryId().equals(entry.entryId())),
                                Stream.of(entry))
                        .toList());
    }
}
