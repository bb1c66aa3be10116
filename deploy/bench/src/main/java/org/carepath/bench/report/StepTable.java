package org.carepath.bench.report;

import java.util.ArrayList;
import java.util.List;
import org.carepath.bench.measure.Hop;
import org.carepath.bench.measure.LatencySummary;
import org.carepath.bench.measure.StepResult;

/**
 * The table of open-loop steps: one row per rate, latencies as {@code p50 / p99 / max} in milliseconds from each
 * report's intended send time.
 */
public final class StepTable {

    private StepTable() {}

    /** @param sentColumn what the "sent" column measures, e.g. {@code HTTP 202} or {@code broker ack} */
    public static List<String> header(String sentColumn) {
        List<String> header = new ArrayList<>();
        header.add("target/s");
        header.add("achieved/s");
        header.add(sentColumn + " p50 / p99 / max ms");
        for (Hop hop : Hop.values()) {
            header.add(hop.label() + " p50 / p99 / max ms");
        }
        header.add("missing");
        header.add("result");
        return header;
    }

    public static List<String> row(StepResult result) {
        List<String> cells = new ArrayList<>();
        cells.add(Numbers.rate(result.targetRate()));
        cells.add(Numbers.measuredRate(result.achievedRate()));
        cells.add(latencies(result.sent()));
        for (Hop hop : Hop.values()) {
            cells.add(latencies(result.hop(hop)));
        }
        cells.add(missing(result));
        cells.add(result.passed() ? "pass" : "FAIL");
        return cells;
    }

    public static MarkdownTable table(String sentColumn, List<StepResult> results) {
        MarkdownTable table = new MarkdownTable(header(sentColumn));
        results.forEach(result -> table.row(row(result)));
        return table;
    }

    static String latencies(LatencySummary summary) {
        if (summary.isEmpty()) {
            return "–";
        }
        return Numbers.millis(summary.p50Millis()) + " / " + Numbers.millis(summary.p99Millis()) + " / "
                + Numbers.millis(summary.maxMillis());
    }

    private static String missing(StepResult result) {
        String missing = result.missing() + " of " + result.scheduled();
        return result.failed() == 0 ? missing : missing + " (" + result.failed() + " not accepted)";
    }
}
