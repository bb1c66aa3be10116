package org.carepath.scheduling.appointments;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.TakenSlots;

/**
 * The side writes of one booking operation (slot claims), made before the episode document is saved and settled
 * against the document afterwards: whatever the saved document does not book (a slot the plan gave up when it
 * was planned again) is released. Reminders travel inside the document, so they need no settling. Appointment ids are deterministic, so an
 * attempt that lost a race never releases a claim the winner booked: it is settled against the winner's document.
 */
final class BookingSession {

    private final SlotClaims claims;
    private final SlotHolders holders;
    private final Instant now;
    private final Set<Claimed> claimed = new LinkedHashSet<>();

    private record Claimed(String appointmentId, String slotId) {}

    BookingSession(SlotClaims claims, SlotHolders holders, Instant now) {
        this.claims = claims;
        this.holders = holders;
        this.now = now;
    }

    Instant now() {
        return now;
    }

    /**
     * Taken slots as planning sees them: every claim except those held by {@code ownAppointmentIds}, the ids this
     * operation is about to book (an earlier attempt's claims, which it may take again).
     */
    TakenSlots takenExcept(Set<String> ownAppointmentIds) {
        return holders.takenExcept(ownAppointmentIds);
    }

    boolean claim(Appointment appointment) {
        boolean held = claims.claim(appointment, now);
        if (held) {
            claimed.add(new Claimed(appointment.appointmentId(), appointment.slotId()));
            holders.claimed(appointment.slotId(), appointment.appointmentId());
        } else {
            holders.heldByAnother(appointment.slotId());
        }
        return held;
    }

    /** Claims every appointment's slot; the first slot another appointment holds, if any. */
    Optional<String> claimAll(List<Appointment> appointments) {
        for (Appointment appointment : appointments) {
            if (!claim(appointment)) {
                return Optional.of(appointment.slotId());
            }
        }
        return Optional.empty();
    }

    /**
     * Releases what this operation claimed that {@code schedule} (the stored state; null when nothing of this
     * operation was stored) does not book. Costs a write only when there is something to release.
     */
    void settle(EpisodeSchedule schedule) {
        List<Appointment> booked = schedule == null
                ? List.of()
                : schedule.appointments().stream().filter(Appointment::isBooked).toList();
        for (Claimed claim : claimed) {
            boolean stillBooked = booked.stream()
                    .anyMatch(appointment -> appointment.appointmentId().equals(claim.appointmentId())
                            && appointment.slotId().equals(claim.slotId()));
            if (!stillBooked && claims.release(claim.slotId(), claim.appointmentId())) {
                holders.released(List.of(claim.slotId()));
            }
        }
    }
}
