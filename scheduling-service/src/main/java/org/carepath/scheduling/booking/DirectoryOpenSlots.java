package org.carepath.scheduling.booking;

import java.util.List;
import org.carepath.scheduling.directory.Slot;
import org.carepath.scheduling.directory.SlotCatalog;
import org.carepath.scheduling.directory.SlotQuery;

/** Open slots = the directory's generated slots minus the taken ones (scheduling-rules §1). */
public final class DirectoryOpenSlots implements OpenSlots {

    private final SlotCatalog catalog;
    private final TakenSlots taken;

    public DirectoryOpenSlots(SlotCatalog catalog, TakenSlots taken) {
        this.catalog = catalog;
        this.taken = taken;
    }

    @Override
    public List<Slot> find(SlotQuery query) {
        return catalog.open(query, taken.between(query.from(), query.to()));
    }
}
