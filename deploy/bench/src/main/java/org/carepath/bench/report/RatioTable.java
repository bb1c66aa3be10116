package org.carepath.bench.report;

import java.util.List;
import java.util.Locale;
import org.carepath.bench.measure.StepResult;

/** Services against the raw Kafka baseline at each rate both ran: achieved rate and end-to-end p99, as ratios. */
public final class RatioTable {

    private RatioTable() {}

    public static MarkdownTable table(List<StepResult> services, List<StepResult> baseline) {
        MarkdownTable table = new MarkdownTable(List.of(
                "target/s",
                "achieved/s services / baseline",
                "ratio",
                "end-to-end p99 ms services / baseline",
                "ratio"));
        for (StepResult service : services) {
            baseline.stream()
                    .filter(base -> base.targetRate() == service.targetRate())
                    .findFirst()
                    .ifPresent(base -> table.row(row(service, base)));
        }
        return table;
    }

    static List<String> row(StepResult service, StepResult baseline) {
        double serviceP99 = service.endToEnd().p99Millis();
        double baselineP99 = baseline.endToEnd().p99Millis();
        return List.of(
                Numbers.rate(service.targetRate()),
                Numbers.measuredRate(service.achievedRate()) + " / " + Numbers.measuredRate(baseline.achievedRate()),
                ratio(service.achievedRate(), baseline.achievedRate()),
                Numbers.millis(serviceP99) + " / " + Numbers.millis(baselineP99),
                ratio(serviceP99, baselineP99));
    }

    static String ratio(double numerator, double denominator) {
        if (denominator <= 0) {
            return "–";
        }
        double ratio = numerator / denominator;
        return ratio >= 10 ? String.format(Locale.ROOT, "%.0f×", ratio) : String.format(Locale.ROOT, "%.2f×", ratio);
    }
}
