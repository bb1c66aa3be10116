package org.carepath.scheduling.directory;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The clinic's civil time: instants are stored in UTC and read, shown and counted in America/New_York. */
public final class ClinicTime {

    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    private ClinicTime() {}

    /** The onset instant of an episode: its onset date at the start of the day in the clinic's zone. */
    public static Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    /** A wall-clock time on a date in the clinic's zone. */
    public static Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, ZONE).toInstant();
    }

    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** Calendar days in the clinic's zone, so "within 5 days" keeps its wall-clock time across a DST change. */
    public static Instant plusDays(Instant instant, int days) {
        return instant.atZone(ZONE).plusDays(days).toInstant();
    }

    /** The start of the first business day (Mon–Fri; no holiday calendar) after the day of {@code instant}. */
    public static Instant startOfNextBusinessDay(Instant instant) {
        LocalDate day = dateOf(instant).plusDays(1);
        while (isWeekend(day)) {
            day = day.plusDays(1);
        }
        return startOfDay(day);
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
