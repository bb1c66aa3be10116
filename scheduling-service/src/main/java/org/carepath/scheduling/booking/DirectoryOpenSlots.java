package org.carepath.scheduling.booking;

import java.util.ArrayList;
import java.util.List;
import org.carepath.scheduling.directory.Slot;
import org.carepath.scheduling.directory.SlotCatalog;
import org.carepath.scheduling.directory.SlotQuery;

/**
 * Open slots = the directory's generated slots minus the taken ones (scheduling-rules §1). The directory says
 * which slots the query could return; only those are looked up, so the cost follows the directory, not the
 * number of bookings ever made.
 */
public final class DirectoryOpenSlots implements OpenSlots {

    private final SlotCatalog catalog;
    private final TakenSlots taken;

    public DirectoryOpenSlots(SlotCatalog catalog, TakenSlots taken) {
        this.catalog = catalog;
        this.taken = taken;
    }

    @Override
    public List<Slot> find(SlotQuery query) {
        List<Slot> candidates = catalog.candidates(query);
        List<String> ids = new ArrayList<>(candidates.size());
        for (Slot slot : candidates) {
            ids.add(slot.slotId());
        }
        // only the open ones are sorted: once most slots are taken, sorting them all cost more than the lookups
        return catalog.open(candidates, taken.among(ids));
    }
}
