package org.carepath.scheduling.booking;

import java.time.Instant;
import java.util.Set;

/** The ids of the slots booked (not cancelled) whose start lies in {@code [from, to)}. */
@FunctionalInterface
public interface TakenSlots {

    Set<String> between(Instant from, Instant to);
}
