package org.carepath.clinicview.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Stream;
import org.carepath.platform.web.InvalidFieldException;

/** Clinic days from {@code from} to {@code to}, both included; a query never spans more than {@value #MAX_DAYS}. */
public record DayRange(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 92;

    /**
     * From the query's {@code from} and {@code to}: dates ({@code 2026-12-02}) or instants. Both blank = {@code
     * defaultFrom} to {@code defaultTo}; one blank = the other with the default's length.
     */
    public static DayRange parse(String from, String to, LocalDate defaultFrom, LocalDate defaultTo) {
        long span = defaultTo.toEpochDay() - defaultFrom.toEpochDay();
        LocalDate start = blank(from) ? null : day("from", from);
        LocalDate end = blank(to) ? null : day("to", to);
        if (start == null && end == null) {
            start = defaultFrom;
            end = defaultTo;
        } else if (start == null) {
            start = end.minusDays(span);
        } else if (end == null) {
            end = start.plusDays(span);
        }
        if (end.isBefore(start)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end.plusDays(1))) {
            throw new InvalidFieldException("to", "a range spans at most " + MAX_DAYS + " days");
        }
        return new DayRange(start, end);
    }

    public List<LocalDate> days() {
        return Stream.iterate(from, day -> !day.isAfter(to), day -> day.plusDays(1))
                .toList();
    }

    private static LocalDate day(String field, String value) {
        try {
            if (value.length() == 10) {
                return checked(field, LocalDate.parse(value));
            }
            return checked(field, ClinicDays.dateOf(Instant.parse(value)));
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be a date (2026-12-02) or an instant (2026-12-02T14:00:00Z)");
        }
    }

    private static LocalDate checked(String field, LocalDate date) {
        if (date.getYear() < 2000 || date.getYear() > 2200) {
            throw new InvalidFieldException(field, "must be between the years 2000 and 2200");
        }
        return date;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
