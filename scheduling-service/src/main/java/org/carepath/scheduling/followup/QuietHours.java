package org.carepath.scheduling.followup;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.carepath.scheduling.directory.ClinicTime;

/**
 * MSG-QUIET: the hours of the clinic's day, {@code [from, until)} in America/New_York, in which no follow-up other
 * than MSG-ER is sent (chosen: 20:00 to 09:00; configuration). A window with {@code from} after {@code until}
 * spans midnight.
 */
public record QuietHours(LocalTime from, LocalTime until) {

    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(20, 0), LocalTime.of(9, 0));

    public QuietHours {
        if (from == null || until == null) {
            throw new IllegalArgumentException("quiet hours need a start and an end");
        }
    }

    /** No quiet hours at all. */
    public static QuietHours none() {
        return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    public boolean isQuiet(Instant instant) {
        LocalTime time = instant.atZone(ClinicTime.ZONE).toLocalTime();
        if (from.equals(until)) {
            return false;
        }
        return from.isBefore(until)
                ? !time.isBefore(from) && time.isBefore(until)
                : !time.isBefore(from) || time.isBefore(until);
    }

    /** {@code due} itself outside the quiet hours, else the next {@code until} after it. */
    public Instant deferred(Instant due) {
        if (!isQuiet(due)) {
            return due;
        }
        LocalDateTime local = due.atZone(ClinicTime.ZONE).toLocalDateTime();
        ZonedDateTime next = ZonedDateTime.of(local.toLocalDate(), until, ClinicTime.ZONE);
        if (!next.toInstant().isAfter(due)) {
            next = ZonedDateTime.of(local.toLocalDate().plusDays(1), until, ClinicTime.ZONE);
        }
        return next.toInstant();
    }
}
