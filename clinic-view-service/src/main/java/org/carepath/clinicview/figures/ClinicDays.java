package org.carepath.clinicview.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The clinic's calendar: a day is a day in New York, where every site is. */
public final class ClinicDays {

    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    private ClinicDays() {}

    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    public static String siteDayId(String siteId, LocalDate date) {
        return siteId + "#" + date;
    }
}
