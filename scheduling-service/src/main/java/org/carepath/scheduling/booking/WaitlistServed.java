package org.carepath.scheduling.booking;

/** The entry a freed slot went to (now SERVED) and the appointment booked for it (same id). */
public record WaitlistServed(WaitlistEntry entry, Appointment appointment) {}
