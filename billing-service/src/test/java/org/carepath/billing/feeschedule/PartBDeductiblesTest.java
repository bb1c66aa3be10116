package org.carepath.billing.feeschedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** billing-rules.md §1: the Part B deductible per year, as data. */
class PartBDeductiblesTest {

    static Stream<Arguments> shippedYears() {
        return Stream.of(arguments(2025, "257.00"), arguments(2026, "283.00"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("shippedYears")
    void shipsThePartBDeductibleOfEachYear(int year, String deductible) {
        assertThat(PartBDeductibles.bundled().forYear(year)).isEqualTo(new BigDecimal(deductible));
    }

    @Test
    void refusesAYearNotOnFile() {
        assertThatThrownBy(() -> PartBDeductibles.bundled().forYear(2031))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Part B deductible on file for 2031");
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                arguments("one decimal", "2026,283.0,CMS", 2, 2, "must have exactly two decimals"),
                arguments("zero", "2026,0.00,CMS", 2, 2, "must be positive"),
                arguments("no source", "2026,283.00,", 2, 3, "must not be empty"),
                arguments("duplicate year", "2026,283.00,CMS\n2026,257.00,CMS", 3, 1, "duplicate year 2026"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void refusesABadRowNamingTheLineAndColumn(String row, String rows, int line, int column, String message) {
        String csv = "year,deductible,source\n" + rows + "\n";

        assertThatThrownBy(() -> PartBDeductibles.read("deductibles.csv", new StringReader(csv)))
                .isInstanceOfSatisfying(InvalidFeeScheduleException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                })
                .hasMessageContaining(message);
    }
}
