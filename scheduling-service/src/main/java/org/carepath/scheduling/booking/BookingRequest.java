package org.carepath.scheduling.booking;

import java.time.Instant;
import java.util.List;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.Specialty;

/**
 * One appointment a decision asks for, to start within {@code [windowStart, windowEnd)}, after the imaging in
 * {@code after}; an {@code urgent} one (BK-URGENT) is booked inside its window even when that imaging cannot come
 * first.
 */
record BookingRequest(
        AppointmentType type,
        Specialty specialty,
        Instant windowStart,
        Instant windowEnd,
        List<AppointmentType> after,
        String rule,
        boolean urgent) {

    BookingRequest(
            AppointmentType type,
            Specialty specialty,
            Instant windowStart,
            Instant windowEnd,
            List<AppointmentType> after,
            String rule) {
        this(type, specialty, windowStart, windowEnd, after, rule, false);
    }

    BookingRequest {
        after = List.copyOf(after);
    }
}
