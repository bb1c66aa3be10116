package org.carepath.scheduling.booking;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.scheduling.directory.ClinicTime;

/**
 * Imaging before the visit that reads it: the visit starts no earlier than the business day after the last
 * booked imaging it depends on (BK-SP, chosen; applied to BK-SU's CT as well), and waits while any of that
 * imaging is itself still on the waitlist.
 */
final class Prerequisites {

    private Prerequisites() {}

    /** The earliest allowed start, not before {@code from}; empty while a prerequisite is still waiting. */
    static Optional<Instant> earliestStart(List<AppointmentType> after, EpisodeBookings bookings, Instant from) {
        if (after.isEmpty()) {
            return Optional.of(from);
        }
        boolean prerequisiteWaiting = bookings.waiting().stream().anyMatch(entry -> after.contains(entry.type()));
        if (prerequisiteWaiting) {
            return Optional.empty();
        }
        Instant earliest = bookings.booked().stream()
                .filter(appointment -> after.contains(appointment.type()))
                .map(Appointment::end)
                .max(Comparator.naturalOrder())
                .map(ClinicTime::startOfNextBusinessDay)
                .filter(dayAfterImaging -> dayAfterImaging.isAfter(from))
                .orElse(from);
        return Optional.of(earliest);
    }
}
