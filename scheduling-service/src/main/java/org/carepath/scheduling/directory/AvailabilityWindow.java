package org.carepath.scheduling.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/** Weekly hours on the given days, as wall-clock times in America/New_York; {@code to} is exclusive. */
public record AvailabilityWindow(List<DayOfWeek> days, LocalTime from, LocalTime to) {

    public AvailabilityWindow {
        days = List.copyOf(days);
    }

    public boolean isOn(DayOfWeek day) {
        return days.contains(day);
    }

    public boolean overlaps(AvailabilityWindow that) {
        boolean sharesADay = days.stream().anyMatch(that::isOn);
        return sharesADay && from.isBefore(that.to) && that.from.isBefore(to);
    }
}
