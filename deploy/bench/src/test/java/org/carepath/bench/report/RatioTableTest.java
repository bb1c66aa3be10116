package org.carepath.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatioTableTest {

    @Test
    void comparesEachRateBothRan() {
        List<String> lines = RatioTable.table(
                        List.of(StepTableTest.result(50, 40, 900, 0, 0), StepTableTest.result(100, 60, 4_000, 0, 0)),
                        List.of(StepTableTest.result(50, 50, 12, 0, 0)))
                .lines();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).isEqualTo("| 50 | 40.0 / 50.0 | 0.80× | 900 / 12 | 75× |");
    }

    @Test
    void aRatioOverNothingIsADash() {
        assertThat(RatioTable.ratio(5, 0)).isEqualTo("–");
        assertThat(RatioTable.ratio(1, 4)).isEqualTo("0.25×");
    }
}
