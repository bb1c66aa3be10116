package org.carepath.scheduling.booking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.Specialty;
import org.carepath.scheduling.directory.AppointmentTypes;
import org.carepath.scheduling.directory.Directory;
import org.carepath.scheduling.directory.Slot;
import org.carepath.scheduling.directory.SlotQuery;

/**
 * Finds a slot (scheduling-rules §4.1–4.2): the patient's region first, then its adjacent regions, then any
 * region; within the first tier that has one, the earliest slot that keeps the patient's appointments apart.
 */
final class SlotFinder {

    private final Directory directory;
    private final OpenSlots openSlots;

    SlotFinder(Directory directory, OpenSlots openSlots) {
        this.directory = directory;
        this.openSlots = openSlots;
    }

    /** The earliest slot once the prerequisite imaging ({@code after}) allows; none while it still waits. */
    Optional<Slot> earliestAfter(
            List<AppointmentType> after,
            AppointmentType type,
            Specialty specialty,
            Region home,
            Instant from,
            Instant to,
            EpisodeBookings patientBookings) {
        return Prerequisites.earliestStart(after, patientBookings, from)
                .flatMap(start -> earliest(type, specialty, home, start, to, patientBookings));
    }

    Optional<Slot> earliest(
            AppointmentType type,
            Specialty specialty,
            Region home,
            Instant from,
            Instant to,
            EpisodeBookings patientBookings) {
        if (!from.isBefore(to)) {
            return Optional.empty();
        }
        for (List<Region> tier : directory.fallbackTiers(home)) {
            SlotQuery query = new SlotQuery(specialty, AppointmentTypes.modalityOf(type), tier, from, to);
            // open slots come earliest first, so the first that fits is the earliest
            for (Slot candidate : openSlots.find(query)) {
                if (tier.contains(candidate.region())
                        && candidate.specialty() == specialty
                        && candidate.suits(type)
                        && !candidate.start().isBefore(from)
                        && candidate.start().isBefore(to)
                        && patientBookings.leavesRoomFor(candidate, type)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
