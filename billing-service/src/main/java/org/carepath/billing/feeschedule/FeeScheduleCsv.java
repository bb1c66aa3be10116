package org.carepath.billing.feeschedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a fee schedule from CSV ({@code cpt,description,allowed,setting,year,source}), one year per file, so an
 * operator replaces it each year without a code change. Every problem is an {@link InvalidFeeScheduleException}
 * naming the line and the column.
 */
public final class FeeScheduleCsv {

    public static final List<String> HEADER = List.of("cpt", "description", "allowed", "setting", "year", "source");

    private static final String BUNDLED = "/fee-schedule/fee-schedule-%d.csv";
    private static final String CPT_FORMAT = "[0-9A-Z]{5}";

    private FeeScheduleCsv() {}

    /** The schedule shipped in the jar, {@code fee-schedule/fee-schedule-<year>.csv}. */
    public static FeeSchedule bundled(int year) {
        String resource = BUNDLED.formatted(year);
        InputStream in = FeeScheduleCsv.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no fee schedule for " + year + " on the classpath (" + resource + ")");
        }
        FeeSchedule schedule = read(resource.substring(1), new InputStreamReader(in, StandardCharsets.UTF_8));
        requireYear(schedule, year, resource);
        return schedule;
    }

    /** An operator's file, e.g. one with locality amounts. */
    public static FeeSchedule load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.getFileName().toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fee schedule " + file, e);
        }
    }

    /** @param source the file's name, used in error messages */
    public static FeeSchedule read(String source, Reader reader) {
        List<CsvRow> rows = CsvTable.read(source, reader, HEADER);
        if (rows.isEmpty()) {
            throw new InvalidFeeScheduleException(source, 0, 0, null, "the file has no fee schedule rows");
        }
        int year = rows.get(0).year("year");
        Map<String, Integer> lineByCpt = new HashMap<>();
        List<FeeScheduleEntry> entries = new ArrayList<>();
        for (CsvRow row : rows) {
            FeeScheduleEntry entry = entry(row);
            if (entry.year() != year) {
                throw row.error(
                        "year",
                        entry.year() + " differs from the file's year " + year + " (line "
                                + rows.get(0).line() + ")");
            }
            Integer firstLine = lineByCpt.putIfAbsent(entry.cpt(), row.line());
            if (firstLine != null) {
                throw row.error(
                        "cpt",
                        "duplicate CPT " + entry.cpt() + " for year " + year + " (first on line " + firstLine + ")");
            }
            entries.add(entry);
        }
        return FeeSchedule.of(year, entries);
    }

    private static FeeScheduleEntry entry(CsvRow row) {
        String cpt = row.text("cpt");
        if (!cpt.matches(CPT_FORMAT)) {
            throw row.error("cpt", "'" + cpt + "' is not a five-character CPT/HCPCS code");
        }
        String description = row.text("description");
        var allowed = row.amount("allowed");
        String settingName = row.text("setting");
        Setting setting = Setting.fromCsv(settingName)
                .orElseThrow(
                        () -> row.error("setting", "'" + settingName + "' is not office, facility or unspecified"));
        return new FeeScheduleEntry(cpt, description, allowed, setting, row.year("year"), row.text("source"));
    }

    private static void requireYear(FeeSchedule schedule, int year, String resource) {
        if (schedule.year() != year) {
            throw new InvalidFeeScheduleException(
                    resource, 0, 0, null, "holds the " + schedule.year() + " schedule, not " + year);
        }
    }
}
