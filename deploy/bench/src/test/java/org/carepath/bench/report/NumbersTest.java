package org.carepath.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

    @ParameterizedTest(name = "{0} ms → {1}")
    @CsvSource({"0, 0.0", "3.14159, 3.1", "9.96, 10.0", "10, 10", "412.6, 413", "31000, 31000"})
    void writesLatenciesWithFewDigits(double millis, String expected) {
        assertThat(Numbers.millis(millis)).isEqualTo(expected);
    }

    @Test
    void writesWholeRatesWithoutDecimals() {
        assertThat(Numbers.rate(50)).isEqualTo("50");
        assertThat(Numbers.rate(12.5)).isEqualTo("12.5");
        assertThat(Numbers.measuredRate(50)).isEqualTo("50.0");
    }

    @ParameterizedTest(name = "{0} bytes → {1}")
    @CsvSource({"512, 512 B", "2048, 2.0 KiB", "5767168, 5.5 MiB", "2469606195, 2.3 GiB"})
    void writesSizesInBinaryUnits(long bytes, String expected) {
        assertThat(Numbers.bytes(bytes)).isEqualTo(expected);
    }
}
