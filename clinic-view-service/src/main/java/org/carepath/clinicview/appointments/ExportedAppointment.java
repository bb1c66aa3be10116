package org.carepath.clinicview.appointments;

import java.time.Instant;

/** One appointment of the system-level export: ids, kind, place and time; BOOKED or CANCELLED. */
public record ExportedAppointment(
        String appointmentId,
        String episodeId,
        String type,
        String specialty,
        String providerId,
        String siteId,
        String region,
        Instant start,
        Instant end,
        String status) {}
