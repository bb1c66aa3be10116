package org.carepath.scheduling.schedule;

import java.util.List;
import org.carepath.scheduling.booking.OpenSlots;
import org.carepath.scheduling.booking.PatientTime;

/**
 * What a booking may take, as the adapter read it just now: the open slots, and the patient's time in their other
 * episodes, which the episode's appointments must keep clear of (§4.2).
 */
public record Openings(OpenSlots open, List<PatientTime> elsewhere) {

    public Openings {
        elsewhere = List.copyOf(elsewhere);
    }
}
