package org.carepath.scheduling.booking;

import java.time.Instant;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.AppointmentBooked;
import org.carepath.events.scheduling.AppointmentCancelled;
import org.carepath.events.scheduling.AppointmentStatus;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.Specialty;
import org.carepath.scheduling.directory.Slot;

/**
 * An appointment in exactly one slot: {@code end} = start + the type's minutes, never past the slot's end.
 * {@code decisionVersion} is the triage decision it was booked for (0 for a booking made by hand), {@code rule}
 * the BK-* rule that booked it.
 */
public record Appointment(
        String appointmentId,
        String episodeId,
        int decisionVersion,
        AppointmentType type,
        Specialty specialty,
        String providerId,
        String siteId,
        Region region,
        String slotId,
        Instant start,
        Instant end,
        AppointmentStatus status,
        String cpt,
        String rule) {

    /** Books {@code slot} for an appointment of {@code type}; the slot must suit the type. */
    public static Appointment inSlot(
            String appointmentId, String episodeId, int decisionVersion, AppointmentType type, Slot slot, String rule) {
        requireSuits(slot, type);
        return new Appointment(
                appointmentId,
                episodeId,
                decisionVersion,
                type,
                slot.specialty(),
                slot.providerId(),
                slot.siteId(),
                slot.region(),
                slot.slotId(),
                slot.start(),
                slot.start().plusSeconds(60L * type.minutes()),
                AppointmentStatus.BOOKED,
                type.cpt(),
                rule);
    }

    public boolean isBooked() {
        return status == AppointmentStatus.BOOKED;
    }

    /** Whether this booked appointment takes up any of the time {@code [from, to)}. */
    public boolean overlaps(Instant from, Instant to) {
        return isBooked() && start.isBefore(to) && from.isBefore(end);
    }

    /** Cancelling frees the slot; only a booked appointment can be cancelled. */
    public Appointment cancel() {
        requireBooked("cancel");
        return withStatus(AppointmentStatus.CANCELLED);
    }

    /** The same appointment (same id, type and rule) in another slot that suits its type. */
    public Appointment rescheduleTo(Slot slot) {
        requireBooked("reschedule");
        requireSuits(slot, type);
        return inSlot(appointmentId, episodeId, decisionVersion, type, slot, rule);
    }

    public AppointmentBooked booked() {
        return new AppointmentBooked(
                appointmentId, episodeId, type, specialty, providerId, siteId, region, start, end, status, cpt);
    }

    public AppointmentCancelled cancelled(String reason) {
        return new AppointmentCancelled(appointmentId, episodeId, reason);
    }

    private void requireBooked(String action) {
        if (!isBooked()) {
            throw new IllegalStateException("cannot " + action + " appointment " + appointmentId + ": it is " + status);
        }
    }

    private static void requireSuits(Slot slot, AppointmentType type) {
        if (!slot.suits(type)) {
            throw new IllegalArgumentException("slot " + slot.slotId() + " (" + slot.specialty() + ", "
                    + slot.length().toMinutes() + " min) does not suit a " + type);
        }
    }

    private Appointment withStatus(AppointmentStatus newStatus) {
        return new Appointment(
                appointmentId,
                episodeId,
                decisionVersion,
                type,
                specialty,
                providerId,
                siteId,
                region,
                slotId,
                start,
                end,
                newStatus,
                cpt,
                rule);
    }
}
