package org.carepath.scheduling.adapters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carepath.scheduling.booking.TakenSlots;

/**
 * Who holds which slot, as far as one batch of bookings knows: each slot is read once from {@code slot_claims} (by
 * {@code _id}), then kept up to date with what the batch itself claims and releases, so the decisions of a batch,
 * whose searches cover mostly the same slots, do not read them again. A slot another instance claimed meanwhile
 * shows up when a claim of it fails, and is noted taken.
 */
final class SlotHolders {

    private static final String FREE = "";

    private final SlotClaims claims;
    private final Map<String, String> holders = new HashMap<>();

    SlotHolders(SlotClaims claims) {
        this.claims = claims;
    }

    /** Taken slots as a plan sees them: those held by any appointment but {@code ownAppointmentIds}. */
    TakenSlots takenExcept(Set<String> ownAppointmentIds) {
        // loops rather than streams: this runs over every candidate slot of every search of every decision
        return slotIds -> {
            List<String> unknown = new ArrayList<>();
            for (String id : slotIds) {
                if (!holders.containsKey(id)) {
                    unknown.add(id);
                }
            }
            if (!unknown.isEmpty()) {
                Map<String, String> read = claims.holders(unknown);
                for (String id : unknown) {
                    holders.put(id, read.getOrDefault(id, FREE));
                }
            }
            Set<String> taken = new HashSet<>();
            for (String id : slotIds) {
                if (isHeldByAnother(id, ownAppointmentIds)) {
                    taken.add(id);
                }
            }
            return taken;
        };
    }

    void claimed(String slotId, String appointmentId) {
        holders.put(slotId, appointmentId);
    }

    /** A claim of this slot failed: someone else holds it (its holder's id does not matter here). */
    void heldByAnother(String slotId) {
        holders.put(slotId, "another booking");
    }

    void released(Collection<String> slotIds) {
        slotIds.forEach(id -> holders.put(id, FREE));
    }

    private boolean isHeldByAnother(String slotId, Set<String> ownAppointmentIds) {
        String holder = holders.get(slotId);
        return holder != null && !holder.equals(FREE) && !ownAppointmentIds.contains(holder);
    }
}
