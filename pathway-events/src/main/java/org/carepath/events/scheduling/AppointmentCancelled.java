package org.carepath.events.scheduling;

public record AppointmentCancelled(String appointmentId, String episodeId, String reason) {}
