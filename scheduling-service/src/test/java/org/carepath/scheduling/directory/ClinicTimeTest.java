package org.carepath.scheduling.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClinicTimeTest {

    static Stream<Arguments> nextBusinessDays() {
        return Stream.of(
                Arguments.of("Tuesday afternoon -> Wednesday", "2026-11-24T20:00:00Z", "2026-11-25"),
                Arguments.of("Friday -> Monday", "2026-11-27T15:00:00Z", "2026-11-30"),
                Arguments.of("Saturday -> Monday", "2026-11-28T15:00:00Z", "2026-11-30"),
                Arguments.of(
                        "Friday 22:00 in New York is Saturday in UTC -> Monday", "2026-11-28T03:00:00Z", "2026-11-30"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nextBusinessDays")
    void nextBusinessDayStartsAtMidnightInNewYork(String example, String instant, String expectedDay) {
        Instant next = ClinicTime.startOfNextBusinessDay(Instant.parse(instant));

        assertThat(next)
                .isEqualTo(LocalDate.parse(expectedDay)
                        .atStartOfDay(ClinicTime.ZONE)
                        .toInstant());
    }

    @ParameterizedTest(name = "onset {0} starts at {1}")
    @MethodSource("onsets")
    void onsetInstantIsStartOfDayInNewYork(String onset, String expected) {
        assertThat(ClinicTime.startOfDay(LocalDate.parse(onset))).isEqualTo(Instant.parse(expected));
    }

    static Stream<Arguments> onsets() {
        return Stream.of(
                Arguments.of("2026-11-20", "2026-11-20T05:00:00Z"), Arguments.of("2026-07-01", "2026-07-01T04:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendarDays")
    void plusDaysKeepsTheWallClockTimeAcrossDst(String example, String from, int days, String expected) {
        assertThat(ClinicTime.plusDays(Instant.parse(from), days)).isEqualTo(Instant.parse(expected));
    }

    static Stream<Arguments> calendarDays() {
        return Stream.of(
                Arguments.of("no DST change", "2026-11-24T15:00:00Z", 5, "2026-11-29T15:00:00Z"),
                Arguments.of("across the November fall-back", "2026-10-29T14:00:00Z", 5, "2026-11-03T15:00:00Z"));
    }
}
