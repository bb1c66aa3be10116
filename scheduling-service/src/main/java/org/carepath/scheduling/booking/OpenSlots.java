package org.carepath.scheduling.booking;

import java.util.List;
import org.carepath.scheduling.directory.Slot;
import org.carepath.scheduling.directory.SlotQuery;

/** The open (not yet booked) slots matching a query, earliest first. {@link DirectoryOpenSlots} is one. */
@FunctionalInterface
public interface OpenSlots {

    List<Slot> find(SlotQuery query);
}
