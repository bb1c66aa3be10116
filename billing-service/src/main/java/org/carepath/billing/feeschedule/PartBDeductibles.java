package org.carepath.billing.feeschedule;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Medicare Part B annual deductible by year, read from CSV ({@code year,deductible,source}); the bundled file
 * is {@code fee-schedule/part-b-deductible.csv} (2025: 257.00, 2026: 283.00).
 */
public final class PartBDeductibles {

    public static final List<String> HEADER = List.of("year", "deductible", "source");

    private static final String BUNDLED = "fee-schedule/part-b-deductible.csv";

    private final Map<Integer, BigDecimal> byYear;

    private PartBDeductibles(Map<Integer, BigDecimal> byYear) {
        this.byYear = byYear;
    }

    public static PartBDeductibles bundled() {
        InputStream in = PartBDeductibles.class.getResourceAsStream("/" + BUNDLED);
        if (in == null) {
            throw new IllegalStateException(BUNDLED + " is missing from the classpath");
        }
        return read(BUNDLED, new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** @param source the file's name, used in error messages */
    public static PartBDeductibles read(String source, Reader reader) {
        Map<Integer, BigDecimal> byYear = new TreeMap<>();
        for (CsvRow row : CsvTable.read(source, reader, HEADER)) {
            int year = row.year("year");
            BigDecimal deductible = row.amount("deductible");
            row.text("source");
            if (byYear.putIfAbsent(year, deductible) != null) {
                throw row.error("year", "duplicate year " + year);
            }
        }
        return new PartBDeductibles(Collections.unmodifiableMap(byYear));
    }

    /** @throws IllegalArgumentException when the year is not on file */
    public BigDecimal forYear(int year) {
        BigDecimal deductible = byYear.get(year);
        if (deductible == null) {
            throw new IllegalArgumentException(
                    "no Part B deductible on file for " + year + "; on file: " + byYear.keySet());
        }
        return deductible;
    }
}
