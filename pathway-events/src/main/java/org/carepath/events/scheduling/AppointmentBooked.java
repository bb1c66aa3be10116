package org.carepath.events.scheduling;

import java.time.Instant;
import org.carepath.events.intake.Region;

public record AppointmentBooked(
        String appointmentId,
        String episodeId,
        AppointmentType type,
        Specialty specialty,
        String providerId,
        String siteId,
        Region region,
        Instant start,
        Instant end,
        AppointmentStatus status,
        String cpt) {}
