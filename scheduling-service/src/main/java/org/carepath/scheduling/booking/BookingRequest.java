package org.carepath.scheduling.booking;

import java.time.Instant;
import java.util.List;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.Specialty;

/** One appointment a decision asks for, to start within {@code [windowStart, windowEnd)}. */
record BookingRequest(
        AppointmentType type,
        Specialty specialty,
        Instant windowStart,
        Instant windowEnd,
        List<AppointmentType> after,
        String rule) {

    BookingRequest {
        after = List.copyOf(after);
    }
}
