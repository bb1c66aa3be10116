package org.carepath.scheduling.adapters;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.Specialty;
import org.carepath.platform.web.InvalidFieldException;
import org.carepath.scheduling.directory.ClinicTime;
import org.carepath.scheduling.directory.SlotQuery;

/**
 * The query of {@code GET /api/v1/slots}, read from its parameters; a bad one is a 400 naming it. {@code from}
 * and {@code to} take a UTC instant or a date (a whole day in New York: {@code to=2026-11-27} includes the 27th);
 * {@code from} defaults to now, {@code to} to a default range after it; past slots are never open.
 */
record SlotSearch(
        Specialty specialty,
        List<ImagingModality> modalities,
        List<Region> regions,
        Instant from,
        Instant to,
        int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** The limits a search is read with: {@code horizonDays} is how far ahead of now it may look. */
    record Limits(int defaultDays, int maxDays, int horizonDays) {

        Limits(int defaultDays, int maxDays) {
            this(defaultDays, maxDays, 730);
        }
    }

    SlotSearch {
        modalities = List.copyOf(modalities);
        regions = List.copyOf(regions);
    }

    static SlotSearch parse(
            String specialty,
            String modality,
            String region,
            String from,
            String to,
            Integer limit,
            List<Region> allRegions,
            Instant now,
            Limits limits) {
        if (specialty == null || specialty.isBlank()) {
            throw new InvalidFieldException("specialty", "is required: one of " + names(Specialty.values()));
        }
        Specialty wanted = parseEnum("specialty", specialty, Specialty.class);
        List<ImagingModality> modalities = modalities(wanted, modality);
        List<Region> regions = region == null || region.isBlank()
                ? allRegions
                : Arrays.stream(region.split(","))
                        .map(name -> parseEnum("region", name, Region.class))
                        .distinct()
                        .toList();
        Instant horizon = now.plus(Duration.ofDays(limits.horizonDays()));
        Instant start = from == null || from.isBlank() ? now : instant("from", from, false);
        requireWithin("from", start, horizon, limits);
        Instant end =
                to == null || to.isBlank() ? ClinicTime.plusDays(start, limits.defaultDays()) : instant("to", to, true);
        requireWithin("to", end, horizon.plus(Duration.ofDays(limits.maxDays())), limits);
        if (!end.isAfter(start)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(Duration.ofDays(limits.maxDays())) > 0) {
            throw new InvalidFieldException("to", "the range may span at most " + limits.maxDays() + " days");
        }
        int count = limit == null ? DEFAULT_LIMIT : limit;
        if (count < 1 || count > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new SlotSearch(wanted, modalities, regions, start.isBefore(now) ? now : start, end, count);
    }

    /** One query per modality (IMAGING) or one; none when the whole range has passed. */
    List<SlotQuery> queries() {
        if (!from.isBefore(to)) {
            return List.of();
        }
        return modalities.isEmpty()
                ? List.of(new SlotQuery(specialty, null, regions, from, to))
                : modalities.stream()
                        .map(modality -> new SlotQuery(specialty, modality, regions, from, to))
                        .toList();
    }

    private static List<ImagingModality> modalities(Specialty specialty, String modality) {
        boolean given = modality != null && !modality.isBlank();
        if (specialty != Specialty.IMAGING) {
            if (given) {
                throw new InvalidFieldException("modality", "applies to IMAGING only");
            }
            return List.of();
        }
        return given
                ? List.of(parseEnum("modality", modality, ImagingModality.class))
                : List.of(ImagingModality.values());
    }

    // a far-future instant would overflow the clinic's calendar arithmetic: a 400 naming it, never a 500
    private static void requireWithin(String name, Instant instant, Instant latest, Limits limits) {
        if (instant.isAfter(latest)) {
            throw new InvalidFieldException(
                    name,
                    "must lie within " + limits.horizonDays() + " days from now (slots are not open further out)");
        }
    }

    private static Instant instant(String name, String value, boolean endOfRange) {
        try {
            return Instant.parse(value);
        } catch (DateTimeException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value);
                return ClinicTime.startOfDay(endOfRange ? day.plusDays(1) : day);
            } catch (DateTimeException | ArithmeticException notADate) {
                throw new InvalidFieldException(
                        name, "must be a UTC instant (2026-11-25T13:00:00Z) or a date (2026-11-25)");
            }
        }
    }

    private static <E extends Enum<E>> E parseEnum(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(name, "must be one of " + names(type.getEnumConstants()));
        }
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
