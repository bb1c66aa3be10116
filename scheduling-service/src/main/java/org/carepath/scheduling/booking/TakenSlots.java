package org.carepath.scheduling.booking;

import java.util.Collection;
import java.util.Set;

/** Which of these slots are booked (not cancelled): asked by slot id, so the answer is a read by {@code _id}. */
@FunctionalInterface
public interface TakenSlots {

    Set<String> among(Collection<String> slotIds);
}
