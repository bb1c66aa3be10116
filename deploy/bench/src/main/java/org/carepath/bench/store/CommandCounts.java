package org.carepath.bench.store;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * MongoDB driver commands a service has sent, by command name ({@code insert}, {@code update}, {@code find}, ...),
 * from Micrometer's {@code mongodb_driver_commands_seconds_count}. A bulk write is one command, however many
 * documents it carries.
 */
public record CommandCounts(Map<String, Double> byCommand) {

    public static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify");
    public static final String READ = "find";
    /** Connection upkeep and health probes, not work the episodes cause. */
    static final Set<String> UPKEEP = Set.of("ping", "hello", "isMaster", "ismaster", "buildInfo", "endSessions");

    public CommandCounts {
        byCommand = Map.copyOf(byCommand);
    }

    public double count(String command) {
        return byCommand.getOrDefault(command, 0.0);
    }

    public double writes() {
        return WRITES.stream().mapToDouble(this::count).sum();
    }

    public double reads() {
        return count(READ);
    }

    /** Every other command that is not upkeep, e.g. {@code aggregate}, {@code getMore}, {@code createIndexes}. */
    public Map<String, Double> others() {
        Map<String, Double> others = new TreeMap<>();
        byCommand.forEach((command, count) -> {
            if (!WRITES.contains(command) && !READ.equals(command) && !UPKEEP.contains(command) && count > 0) {
                others.put(command, count);
            }
        });
        return others;
    }

    /** What was sent between {@code before} and this scrape. */
    public CommandCounts since(CommandCounts before) {
        Map<String, Double> delta = new TreeMap<>();
        byCommand.forEach((command, count) -> delta.put(command, Math.max(0, count - before.count(command))));
        return new CommandCounts(delta);
    }
}
