package org.carepath.billing.account;

import java.time.Instant;
import org.carepath.billing.estimate.BookedAppointment;

/** Object Mother: appointments booked by scheduling, with the CPT code billing prices them with and their start. */
final class Appointments {

    static final Instant VISIT_START = Instant.parse("2026-12-03T15:00:00Z");
    static final Instant MRI_START = Instant.parse("2026-12-08T14:00:00Z");

    private Appointments() {}

    static BookedAppointment specialistVisit() {
        return new BookedAppointment("appt-visit", "99204", VISIT_START);
    }

    static BookedAppointment mri() {
        return new BookedAppointment("appt-mri", "72148", MRI_START);
    }
}
