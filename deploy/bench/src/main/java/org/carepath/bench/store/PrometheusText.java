package org.carepath.bench.store;

import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the MongoDB command counters out of a Prometheus text exposition ({@code /actuator/prometheus}). */
public final class PrometheusText {

    public static final String COMMANDS_METRIC = "mongodb_driver_commands_seconds_count";

    private static final Pattern SAMPLE = Pattern.compile("^" + COMMANDS_METRIC + "\\{(.*)}\\s+(\\S+)(\\s+\\d+)?$");
    private static final Pattern COMMAND_LABEL = Pattern.compile("(?:^|,)command=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PrometheusText() {}

    /** @return the counts summed per command over every other label, or empty when the metric is not there */
    public static Optional<CommandCounts> commandCounts(String exposition) {
        TreeMap<String, Double> byCommand = new TreeMap<>();
        boolean found = false;
        for (String line : exposition.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (!sample.matches()) {
                continue;
            }
            found = true;
            Matcher command = COMMAND_LABEL.matcher(sample.group(1));
            String name = command.find() ? command.group(1) : "unknown";
            byCommand.merge(name, value(sample.group(2)), Double::sum);
        }
        return found ? Optional.of(new CommandCounts(byCommand)) : Optional.empty();
    }

    private static double value(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
