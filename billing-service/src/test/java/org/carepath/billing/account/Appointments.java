package org.carepath.billing.account;

import org.carepath.billing.estimate.BookedAppointment;

/** Object Mother: appointments booked by scheduling, with the CPT code billing prices them with. */
final class Appointments {

    private Appointments() {}

    static BookedAppointment specialistVisit() {
        return new BookedAppointment("appt-visit", "99204");
    }

    static BookedAppointment mri() {
        return new BookedAppointment("appt-mri", "72148");
    }
}
