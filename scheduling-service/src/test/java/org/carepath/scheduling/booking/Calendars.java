package org.carepath.scheduling.booking;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.carepath.scheduling.directory.Directory;
import org.carepath.scheduling.directory.Slot;
import org.carepath.scheduling.directory.SlotCatalog;

/** Object Mother for open slots: a directory's calendar with nothing, some providers, or some hours taken. */
final class Calendars {

    private Calendars() {}

    static OpenSlots allFree(Directory directory) {
        return new DirectoryOpenSlots(new SlotCatalog(directory), slotIds -> Set.of());
    }

    static OpenSlots noneFree() {
        return query -> List.of();
    }

    /** Every slot of the named providers is taken. */
    static OpenSlots fullyBooked(Directory directory, String... providerIds) {
        SlotCatalog catalog = new SlotCatalog(directory);
        Set<String> full = Set.of(providerIds);
        return new DirectoryOpenSlots(catalog, slotIds -> slotIds.stream()
                .filter(slotId ->
                        full.contains(catalog.resolve(slotId).orElseThrow().providerId()))
                .collect(Collectors.toSet()));
    }

    /** Every slot starting before {@code freeFrom} is taken, for the providers whose id starts with the prefix. */
    static OpenSlots takenUntil(Directory directory, Instant freeFrom, String providerPrefix) {
        SlotCatalog catalog = new SlotCatalog(directory);
        return new DirectoryOpenSlots(catalog, slotIds -> slotIds.stream()
                .map(slotId -> catalog.resolve(slotId).orElseThrow())
                .filter(slot -> slot.providerId().startsWith(providerPrefix))
                .filter(slot -> slot.start().isBefore(freeFrom))
                .map(Slot::slotId)
                .collect(Collectors.toSet()));
    }

    static Slot slot(Directory directory, String slotId) {
        return new SlotCatalog(directory).resolve(slotId).orElseThrow();
    }
}
