package org.carepath.events.scheduling;

import java.time.Instant;

public record AppointmentWaitlisted(String episodeId, AppointmentType type, Specialty specialty, Instant windowEnd) {}
