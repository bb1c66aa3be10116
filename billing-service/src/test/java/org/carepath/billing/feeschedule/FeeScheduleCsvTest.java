package org.carepath.billing.feeschedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** billing-rules.md §1: the shipped 2026 fee schedule, and what the loader refuses. */
class FeeScheduleCsvTest {

    private static final String HEADER = "cpt,description,allowed,setting,year,source\n";
    private static final String VISIT = "99213,\"Established patient visit, low\",95.19,office,2026,CMS\n";

    static Stream<Arguments> seedProcedures() {
        return Stream.of(
                arguments("63030", "225.06"),
                arguments("63047", "271.76"),
                arguments("22612", "382.85"),
                arguments("22630", "387.42"),
                arguments("64646", "38.69"),
                arguments("64647", "43.23"));
    }

    @ParameterizedTest(name = "seed {0}: allowed = 5 x the patient's 20 % share {1}")
    @MethodSource("seedProcedures")
    void shipsTheSeedProceduresAtFiveTimesThePatientShare(String cpt, String patientShare) {
        FeeScheduleEntry entry = FeeScheduleCsv.bundled(2026).find(cpt).orElseThrow();

        assertThat(entry.allowed()).isEqualTo(new BigDecimal(patientShare).multiply(new BigDecimal("5")));
        assertThat(entry.source()).contains("Complete Orthopedics");
        assertThat(entry.setting()).isEqualTo(Setting.UNSPECIFIED);
    }

    static Stream<Arguments> nationalRows() {
        return Stream.of(
                arguments("99203", "117.57"),
                arguments("99204", "177.36"),
                arguments("99213", "95.19"),
                arguments("99214", "135.61"),
                arguments("72100", "40.42"),
                arguments("72110", "53.44"),
                arguments("72148", "191.72"),
                arguments("72131", "129.93"),
                arguments("97110", "29.06"),
                arguments("97140", "27.72"),
                arguments("97161", "97.86"),
                arguments("97162", "97.86"),
                arguments("97163", "97.86"),
                arguments("20552", "51.77"),
                arguments("20553", "59.79"));
    }

    @ParameterizedTest(name = "2026 national {0}: {1}")
    @MethodSource("nationalRows")
    void shipsThe2026NationalAmountsMarkedWithTheirSource(String cpt, String allowed) {
        FeeScheduleEntry entry = FeeScheduleCsv.bundled(2026).find(cpt).orElseThrow();

        assertThat(entry.allowed()).isEqualTo(new BigDecimal(allowed));
        assertThat(entry.source()).contains("CMS 2026").contains("33.4009");
        assertThat(entry.setting()).isEqualTo(Setting.OFFICE);
        assertThat(entry.year()).isEqualTo(2026);
    }

    @Test
    void theShipped2026FileLoadsWithOneRowPerCode() {
        FeeSchedule schedule = FeeScheduleCsv.bundled(2026);

        assertThat(schedule.year()).isEqualTo(2026);
        assertThat(schedule.entries()).hasSize(21);
        assertThat(schedule.find("97110").orElseThrow().description()).isEqualTo("Therapeutic exercise, 15 min");
    }

    @Test
    void findsNothingForACodeNotOnFile() {
        FeeSchedule schedule = FeeScheduleCsv.bundled(2026);

        assertThat(schedule.find("99999")).isEmpty();
        assertThat(schedule.find(null)).isEmpty();
    }

    @Test
    void refusesAYearThatIsNotShipped() {
        assertThatThrownBy(() -> FeeScheduleCsv.bundled(2031)).hasMessageContaining("no fee schedule for 2031");
    }

    @Test
    void readsQuotedFieldsWithCommasAndQuotesBlankLinesAndAByteOrderMark() {
        String csv = "\uFEFF" + HEADER + "\n"
                + "99204,\"New patient visit, \"\"moderate\"\"\",177.36,office,2026,\"CMS, 2026\"\n";

        FeeScheduleEntry entry = FeeScheduleCsv.read("test.csv", new StringReader(csv))
                .find("99204")
                .orElseThrow();

        assertThat(entry.description()).isEqualTo("New patient visit, \"moderate\"");
        assertThat(entry.source()).isEqualTo("CMS, 2026");
    }

    @Test
    void loadsAnOperatorsReplacementFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("fee-schedule-2026-queens.csv");
        Files.writeString(
                file, HEADER + "99213,Established visit,101.02,office,2026,CMS locality 3\n", StandardCharsets.UTF_8);

        FeeSchedule schedule = FeeScheduleCsv.load(file);

        assertThat(schedule.find("99213").orElseThrow().allowed()).isEqualTo(new BigDecimal("101.02"));
        assertThat(schedule.find("99204")).isEmpty();
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                arguments("empty file", "", 0, 0, "test.csv: the file is empty"),
                arguments("header only", HEADER, 0, 0, "no fee schedule rows"),
                arguments("wrong header", "cpt,allowed\n" + VISIT, 1, 0, "line 1: the header must be"),
                arguments(
                        "missing column",
                        HEADER + "99213,visit,95.19,office,2026\n",
                        2,
                        0,
                        "line 2: expected 6 columns, found 5"),
                arguments(
                        "description with an unquoted comma",
                        HEADER + "99213,visit, low,95.19,office,2026,CMS\n",
                        2,
                        0,
                        "expected 6 columns, found 7"),
                arguments(
                        "quoted field not closed",
                        HEADER + "99213,\"visit, low,95.19,office,2026,CMS\n",
                        2,
                        2,
                        "a quoted field is not closed"),
                arguments(
                        "quote inside an unquoted field",
                        HEADER + "99213,visit \"low\",95.19,office,2026,CMS\n",
                        2,
                        2,
                        "a quote inside an unquoted field"),
                arguments(
                        "zero amount",
                        HEADER + VISIT + "99214,visit,0.00,office,2026,CMS\n",
                        3,
                        3,
                        "line 3, column 3 (allowed): '0.00' must be positive"),
                arguments(
                        "negative amount",
                        HEADER + "99214,visit,-135.61,office,2026,CMS\n",
                        2,
                        3,
                        "'-135.61' must be positive"),
                arguments(
                        "one decimal",
                        HEADER + "99214,visit,135.6,office,2026,CMS\n",
                        2,
                        3,
                        "'135.6' must have exactly two decimals"),
                arguments(
                        "three decimals",
                        HEADER + "99214,visit,135.610,office,2026,CMS\n",
                        2,
                        3,
                        "must have exactly two decimals"),
                arguments(
                        "exponent notation",
                        HEADER + "99214,visit,1.3561E+2,office,2026,CMS\n",
                        2,
                        3,
                        "must have exactly two decimals"),
                arguments("not a number", HEADER + "99214,visit,n/a,office,2026,CMS\n", 2, 3, "'n/a' is not an amount"),
                arguments(
                        "duplicate CPT",
                        HEADER + VISIT + "\n" + VISIT,
                        4,
                        1,
                        "line 4, column 1 (cpt): duplicate CPT 99213 for year 2026 (first on line 2)"),
                arguments(
                        "second year in one file",
                        HEADER + VISIT + "99214,visit,135.61,office,2025,CMS\n",
                        3,
                        5,
                        "column 5 (year): 2025 differs from the file's year 2026"),
                arguments(
                        "year not a year",
                        HEADER + "99214,visit,135.61,office,26,CMS\n",
                        2,
                        5,
                        "'26' is not a four-digit year"),
                arguments(
                        "unknown setting",
                        HEADER + "99214,visit,135.61,home,2026,CMS\n",
                        2,
                        4,
                        "'home' is not office, facility or unspecified"),
                arguments(
                        "empty description",
                        HEADER + "99214,\"\",135.61,office,2026,CMS\n",
                        2,
                        2,
                        "column 2 (description): must not be empty"),
                arguments(
                        "empty source",
                        HEADER + "99214,visit,135.61,office,2026,\n",
                        2,
                        6,
                        "(source): must not be empty"),
                arguments(
                        "CPT too short",
                        HEADER + "9921,visit,135.61,office,2026,CMS\n",
                        2,
                        1,
                        "'9921' is not a five-character CPT/HCPCS code"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void refusesABadFileNamingTheLineAndColumn(String row, String csv, int line, int column, String message) {
        assertThatThrownBy(() -> FeeScheduleCsv.read("test.csv", new StringReader(csv)))
                .isInstanceOfSatisfying(InvalidFeeScheduleException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.source()).isEqualTo("test.csv");
                })
                .hasMessageContaining(message);
    }
}
