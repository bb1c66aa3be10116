package org.carepath.scheduling.adapters;

import org.carepath.scheduling.directory.SlotCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Frees the slot of an appointment no longer booked there, after the document that says so is saved (a crash in
 * between leaves the slot held, never booked twice; the orphan sweep frees it later), and offers it to the
 * waitlist. What happens after that save never fails the change: the waitlist is retried periodically anyway.
 */
@Component
class FreedSlots {

    private static final Logger log = LoggerFactory.getLogger(FreedSlots.class);

    private final SlotClaims claims;
    private final SlotCatalog catalog;
    private final WaitlistScheduling waitlist;

    FreedSlots(SlotClaims claims, SlotCatalog catalog, WaitlistScheduling waitlist) {
        this.claims = claims;
        this.catalog = catalog;
        this.waitlist = waitlist;
    }

    /**
     * Releases the appointment's claim of the slot and serves the waitlist with it; also when an earlier attempt
     * released it already (a repeated cancellation) but the slot is still free, so that attempt's waitlist serving
     * is not lost.
     */
    void free(String slotId, String appointmentId) {
        try {
            boolean released = claims.release(slotId, appointmentId);
            if (released || !claims.isHeld(slotId)) {
                offer(slotId);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Slot {} of appointment {}: freeing it failed ({}); the sweeps will",
                    slotId,
                    appointmentId,
                    e.toString());
        }
    }

    /** Offers a slot already released to the oldest waiting entry that fits. */
    void offer(String slotId) {
        try {
            catalog.resolve(slotId).ifPresent(waitlist::slotFreed);
        } catch (RuntimeException e) {
            log.warn("Slot {}: serving the waitlist failed ({}); the periodic retry will", slotId, e.toString());
        }
    }
}
