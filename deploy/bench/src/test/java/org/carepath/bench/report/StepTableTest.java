package org.carepath.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.carepath.bench.measure.Hop;
import org.carepath.bench.measure.LatencySummary;
import org.carepath.bench.measure.StepResult;
import org.junit.jupiter.api.Test;

class StepTableTest {

    static StepResult result(double target, double achieved, double endToEndP99, int missing, int failed) {
        Map<Hop, LatencySummary> hops = new EnumMap<>(Hop.class);
        hops.put(Hop.INTAKE, new LatencySummary(100, 4.2, 9.87, 12.4));
        hops.put(Hop.TRIAGE, new LatencySummary(100, 21, 48.6, 60));
        hops.put(Hop.SCHEDULING, new LatencySummary(100, 40, 95, 130));
        hops.put(Hop.BILLING, new LatencySummary(100, 61, endToEndP99, 1_503.7));
        return new StepResult(target, achieved, new LatencySummary(100, 2.5, 7, 11), hops, 100, failed, missing);
    }

    @Test
    void headerNamesEveryHopWithItsFigures() {
        assertThat(MarkdownTable.line(StepTable.header("HTTP 202")))
                .isEqualTo("| target/s | achieved/s | HTTP 202 p50 / p99 / max ms | intake p50 / p99 / max ms"
                        + " | triage p50 / p99 / max ms | scheduling p50 / p99 / max ms"
                        + " | billing = end to end p50 / p99 / max ms | missing | result |");
    }

    @Test
    void writesOneRowPerRate() {
        List<String> lines = StepTable.table("HTTP 202", List.of(result(50, 49.8, 412, 0, 0)))
                .lines();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).isEqualTo("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        assertThat(lines.get(2))
                .isEqualTo("| 50 | 49.8 | 2.5 / 7.0 / 11 | 4.2 / 9.9 / 12 | 21 / 49 / 60 | 40 / 95 / 130"
                        + " | 61 / 412 / 1504 | 0 of 100 | pass |");
    }

    @Test
    void failsARowBelowNinetyFivePercentOfTheTarget() {
        assertThat(StepTable.row(result(100, 94.9, 300, 0, 0))).last().isEqualTo("FAIL");
        assertThat(StepTable.row(result(100, 95.0, 300, 0, 0))).last().isEqualTo("pass");
    }

    @Test
    void failsARowWhoseEndToEndP99IsOverOneSecond() {
        assertThat(StepTable.row(result(10, 10, 1_000.5, 0, 0))).last().isEqualTo("FAIL");
        assertThat(StepTable.row(result(10, 10, 1_000, 0, 0))).last().isEqualTo("pass");
    }

    @Test
    void saysHowManyWereMissingAndHowManyWereNotAccepted() {
        List<String> row = StepTable.row(result(10, 10, 300, 7, 2));

        assertThat(row.get(row.size() - 2)).isEqualTo("7 of 100 (2 not accepted)");
    }

    @Test
    void showsAHopWithNoSightingsAsADash() {
        StepResult empty = new StepResult(5, 0, LatencySummary.empty(), Map.of(), 10, 10, 10);

        assertThat(StepTable.row(empty))
                .containsSequence("–", "–", "–", "–", "–")
                .last()
                .isEqualTo("FAIL");
    }
}
