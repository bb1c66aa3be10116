package org.carepath.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.carepath.scheduling.directory.ClinicTime;

/**
 * Each integration test lives in its own four weeks of the test calendar, so that the slots, windows and
 * follow-ups of one test never meet another's in the shared database. Epoch {@code n} starts on a Monday.
 */
public final class Epochs {

    private static final LocalDate FIRST_MONDAY = LocalDate.of(2027, 1, 4);

    private Epochs() {}

    /** Day {@code day} of epoch {@code epoch} at {@code time} in New York. */
    public static Instant at(int epoch, int day, String time) {
        LocalDate date = FIRST_MONDAY.plusWeeks(4L * epoch).plusDays(day);
        return ZonedDateTime.of(date, LocalTime.parse(time), ClinicTime.ZONE).toInstant();
    }

    /** Monday 09:00 in New York, the start of epoch {@code epoch}. */
    public static Instant start(int epoch) {
        return at(epoch, 0, "09:00");
    }
}
