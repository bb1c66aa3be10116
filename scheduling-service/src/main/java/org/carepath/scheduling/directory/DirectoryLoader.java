package org.carepath.scheduling.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.Specialty;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the directory from its JSON file and validates it. Fails with an {@link InvalidDirectoryException}
 * that lists every problem (unknown region, provider at an unknown site, bad time range, ...), never with a
 * half-loaded directory.
 *
 * <p>Format: {@code {"regions": ["QUEENS", ...], "adjacency": [["QUEENS", "NASSAU"], ...], "sites": [{"id",
 * "name", "kind": "CLINIC"|"HOSPITAL", "region"}], "providers": [{"id", "name", "specialty", "modality" (IMAGING
 * only), "siteId", "availability": [{"days": ["MONDAY", ...], "from": "08:00", "to": "18:00"}]}]}}; hours are
 * wall-clock times in America/New_York.
 */
public final class DirectoryLoader {

    /** The directory the service ships, on the classpath. */
    public static final String BUNDLED = "directory/directory.json";

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public Directory loadBundled() {
        try (InputStream in = DirectoryLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new InvalidDirectoryException("classpath:" + BUNDLED, List.of("the resource does not exist"));
            }
            return load(in, "classpath:" + BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + BUNDLED, e);
        }
    }

    public Directory load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidDirectoryException(file.toString(), List.of("the file does not exist"));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** @param source names the data in error messages (a file path or resource name) */
    public Directory load(InputStream in, String source) {
        DirectoryFile file;
        try {
            file = json.readValue(in, DirectoryFile.class);
        } catch (JacksonException e) {
            throw new InvalidDirectoryException(
                    source,
                    List.of("unreadable JSON: " + e.getOriginalMessage()
                            + (e.getLocation() == null
                                    ? ""
                                    : " at line " + e.getLocation().getLineNr())));
        }
        if (file == null) {
            throw new InvalidDirectoryException(source, List.of("the file is empty"));
        }
        Problems problems = new Problems();
        Directory directory = new Converter(problems).convert(file);
        DirectoryValidator.check(directory, problems);
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryException(source, problems.all());
        }
        return directory;
    }

    /** The file's shape, kept apart from the domain records so that bad values can be reported by name. */
    record DirectoryFile(
            List<String> regions, List<List<String>> adjacency, List<SiteEntry> sites, List<ProviderEntry> providers) {}

    record SiteEntry(String id, String name, String kind, String region) {}

    record ProviderEntry(
            String id,
            String name,
            String specialty,
            String modality,
            String siteId,
            List<AvailabilityEntry> availability) {}

    record AvailabilityEntry(List<String> days, String from, String to) {}

    private static final class Converter {

        private final Problems problems;

        Converter(Problems problems) {
            this.problems = problems;
        }

        Directory convert(DirectoryFile file) {
            List<Region> regions = new ArrayList<>();
            List<String> regionNames = listed(file.regions(), "regions");
            for (int i = 0; i < regionNames.size(); i++) {
                regions.add(parse(regionNames.get(i), Region.class, "regions[" + i + "]", "value"));
            }
            return new Directory(
                    regions.stream().filter(region -> region != null).toList(),
                    convertAll(listed(file.adjacency(), "adjacency"), "adjacency", this::adjacency),
                    convertAll(listed(file.sites(), "sites"), "sites", this::site),
                    convertAll(listed(file.providers(), "providers"), "providers", this::provider));
        }

        private Adjacency adjacency(List<String> pair, int i) {
            String place = "adjacency[" + i + "]";
            if (pair == null || pair.size() != 2) {
                problems.add(place, "pair", "must be a pair of two regions, like [\"QUEENS\", \"NASSAU\"]");
                return null;
            }
            return new Adjacency(
                    parse(pair.get(0), Region.class, place, "first region"),
                    parse(pair.get(1), Region.class, place, "second region"));
        }

        private Site site(SiteEntry entry, int i) {
            String place =
                    entry.id() == null || entry.id().isBlank() ? "sites[" + i + "]" : "site '" + entry.id() + "'";
            return new Site(
                    entry.id(),
                    entry.name(),
                    parse(entry.kind(), SiteKind.class, place, "kind"),
                    parse(entry.region(), Region.class, place, "region"));
        }

        private Provider provider(ProviderEntry entry, int i) {
            String place = entry.id() == null || entry.id().isBlank()
                    ? "providers[" + i + "]"
                    : "provider '" + entry.id() + "'";
            List<AvailabilityEntry> availability = entry.availability() == null ? List.of() : entry.availability();
            List<AvailabilityWindow> windows = new ArrayList<>();
            for (int w = 0; w < availability.size(); w++) {
                windows.add(window(availability.get(w), place, "availability[" + w + "]"));
            }
            return new Provider(
                    entry.id(),
                    entry.name(),
                    parse(entry.specialty(), Specialty.class, place, "specialty"),
                    parse(entry.modality(), ImagingModality.class, place, "modality"),
                    entry.siteId(),
                    windows);
        }

        private AvailabilityWindow window(AvailabilityEntry entry, String place, String field) {
            if (entry == null) {
                problems.add(place, field, field + " is empty");
                return new AvailabilityWindow(List.of(), null, null);
            }
            List<DayOfWeek> days = new ArrayList<>();
            List<String> dayNames = entry.days() == null ? List.of() : entry.days();
            for (int d = 0; d < dayNames.size(); d++) {
                DayOfWeek day = parse(dayNames.get(d), DayOfWeek.class, place, field + ".days[" + d + "]");
                if (day != null) {
                    days.add(day);
                }
            }
            return new AvailabilityWindow(
                    days, time(entry.from(), place, field + ".from"), time(entry.to(), place, field + ".to"));
        }

        private LocalTime time(String value, String place, String field) {
            if (value == null) {
                return null;
            }
            try {
                return LocalTime.parse(value);
            } catch (DateTimeParseException e) {
                problems.add(place, field, field + " '" + value + "' is not a time like 08:00");
                return null;
            }
        }

        private <E extends Enum<E>> E parse(String value, Class<E> type, String place, String field) {
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(place, field, "unknown " + field + " '" + value + "'");
                return null;
            }
        }

        private <T> List<T> listed(List<T> values, String name) {
            if (values == null) {
                problems.add(name, "list", "'" + name + "' is missing");
                return List.of();
            }
            return values;
        }

        /** Converts each entry; an entry that cannot be converted at all is reported and left out. */
        private <T, R> List<R> convertAll(List<T> entries, String name, IndexedConverter<T, R> converter) {
            List<R> converted = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                T entry = entries.get(i);
                if (entry == null) {
                    problems.add(name + "[" + i + "]", "entry", "the entry is null");
                    continue;
                }
                R value = converter.convert(entry, i);
                if (value != null) {
                    converted.add(value);
                }
            }
            return converted;
        }
    }

    @FunctionalInterface
    private interface IndexedConverter<T, R> {
        R convert(T entry, int index);
    }
}
