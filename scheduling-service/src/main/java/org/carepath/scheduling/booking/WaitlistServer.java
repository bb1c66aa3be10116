package org.carepath.scheduling.booking;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.carepath.scheduling.directory.Slot;

/**
 * Serves the waitlist when a slot frees up (scheduling-rules §4.3): the oldest waiting entry that wants this
 * kind of slot within its window, whose patient is free then and whose prerequisite imaging is booked, gets it.
 */
public final class WaitlistServer {

    private static final Comparator<WaitlistCandidate> OLDEST_FIRST = Comparator.comparing(
                    (WaitlistCandidate candidate) -> candidate.entry().waitlistedAt())
            .thenComparing(candidate -> candidate.entry().entryId());

    private WaitlistServer() {}

    public static Optional<WaitlistServed> serve(Slot freed, List<WaitlistCandidate> candidates, Instant now) {
        if (freed.start().isBefore(now)) {
            return Optional.empty();
        }
        return candidates.stream()
                .filter(candidate -> candidate.entry().wants(freed))
                .filter(candidate -> candidate
                        .episodeBookings()
                        .leavesRoomFor(freed, candidate.entry().type()))
                .filter(candidate -> prerequisitesAllow(candidate, freed))
                .min(OLDEST_FIRST)
                .map(candidate -> new WaitlistServed(
                        candidate.entry().serve(),
                        BookingPlanner.appointmentFor(candidate.entry(), freed, bookedBy(candidate, freed))));
    }

    private static boolean prerequisitesAllow(WaitlistCandidate candidate, Slot freed) {
        return candidate.entry().urgent() || inImagingOrder(candidate, freed);
    }

    private static boolean inImagingOrder(WaitlistCandidate candidate, Slot freed) {
        WaitlistEntry entry = candidate.entry();
        return Prerequisites.earliestStart(entry.after(), candidate.episodeBookings(), entry.windowStart())
                .filter(earliest -> !freed.start().isBefore(earliest))
                .isPresent();
    }

    // BK-URGENT names the booking that its window, not the imaging order, allowed
    private static String bookedBy(WaitlistCandidate candidate, Slot freed) {
        return inImagingOrder(candidate, freed) ? candidate.entry().rule() : BookingRules.URGENT;
    }
}
