package org.carepath.scheduling.appointments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.TakenSlots;
import org.carepath.scheduling.dispatch.FollowUpStore;
import org.carepath.scheduling.followup.FollowUp;
import org.carepath.scheduling.followup.FollowUpPlanner;

/**
 * The side writes of one booking operation (slot claims, reminders), made before the episode document is saved
 * and settled against the document afterwards: whatever the saved document does not book (a slot the plan
 * gave up when it was planned again, a reminder for it) is released. Appointment ids are deterministic, so an
 * attempt that lost a race never releases a claim the winner booked: it is settled against the winner's document.
 */
final class BookingSession {

    private final SlotClaims claims;
    private final FollowUpStore followUps;
    private final Instant now;
    private final Set<Claimed> claimed = new LinkedHashSet<>();
    private final List<FollowUp> reminders = new ArrayList<>();

    private record Claimed(String appointmentId, String slotId) {}

    BookingSession(SlotClaims claims, FollowUpStore followUps, Instant now) {
        this.claims = claims;
        this.followUps = followUps;
        this.now = now;
    }

    Instant now() {
        return now;
    }

    /**
     * Taken slots as planning sees them: every claim except those held by {@code ownAppointmentIds}, the ids this
     * operation is about to book (an earlier attempt's claims, which it may take again). Ranges are read once.
     */
    TakenSlots takenExcept(Set<String> ownAppointmentIds) {
        Map<String, Set<String>> byRange = new HashMap<>();
        return (from, to) ->
                byRange.computeIfAbsent(from + "/" + to, range -> claims.takenBetween(from, to, ownAppointmentIds));
    }

    boolean claim(Appointment appointment) {
        boolean held = claims.claim(appointment, now);
        if (held) {
            claimed.add(new Claimed(appointment.appointmentId(), appointment.slotId()));
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

    /** Stores follow-ups planned with this operation; those that remind of an appointment go with it. */
    void remind(List<FollowUp> planned) {
        followUps.insertAll(planned);
        planned.stream().filter(followUp -> followUp.appointmentId() != null).forEach(reminders::add);
    }

    /**
     * Releases what this operation claimed or planned as a reminder that {@code schedule} (the stored state; null
     * when nothing of this operation was stored) does not book. Costs a write only when there is something to
     * release.
     */
    void settle(EpisodeSchedule schedule) {
        List<Appointment> booked = schedule == null
                ? List.of()
                : schedule.appointments().stream().filter(Appointment::isBooked).toList();
        for (Claimed claim : claimed) {
            boolean stillBooked = booked.stream()
                    .anyMatch(appointment -> appointment.appointmentId().equals(claim.appointmentId())
                            && appointment.slotId().equals(claim.slotId()));
            if (!stillBooked) {
                claims.release(claim.slotId(), claim.appointmentId());
            }
        }
        List<FollowUp> stale = reminders.stream()
                .filter(reminder -> booked.stream().noneMatch(appointment -> FollowUpPlanner.reminderId(appointment)
                        .equals(reminder.followUpId())))
                .toList();
        followUps.cancelAll(stale);
    }
}
