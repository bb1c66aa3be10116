package org.carepath.bench.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.carepath.bench.report.MarkdownTable;
import org.carepath.bench.report.Numbers;
import org.carepath.local.CarepathService;

/**
 * MongoDB commands per episode and service between two scrapes. Commands, not documents: a bulk write is one
 * command. Timers that ran meanwhile (relays, sweeps) are included, since the episodes pay for them too.
 */
public final class CommandsTable {

    private CommandsTable() {}

    public static List<String> lines(
            Map<CarepathService, Scrape> before, Map<CarepathService, Scrape> after, long episodes) {
        MarkdownTable table = new MarkdownTable(List.of(
                "service",
                "insert",
                "update",
                "delete",
                "findAndModify",
                "write commands",
                "find (reads)",
                "other commands"));
        List<String> problems = new ArrayList<>();
        double writes = 0;
        double reads = 0;
        for (CarepathService service : CarepathService.values()) {
            if (!service.usesTheStore()) {
                continue;
            }
            Scrape first = before.get(service);
            Scrape last = after.get(service);
            String problem = problem(first, last);
            if (problem != null) {
                problems.add(service.artifactId() + ": " + problem);
                table.row(List.of(service.artifactId(), "?", "?", "?", "?", "?", "?", "metric missing"));
                continue;
            }
            CommandCounts delta = last.counts().since(first.counts());
            writes += delta.writes();
            reads += delta.reads();
            table.row(row(service, delta, episodes));
        }
        if (problems.isEmpty()) {
            table.row(
                    List.of("all five", "", "", "", "", perEpisode(writes, episodes), perEpisode(reads, episodes), ""));
        }
        List<String> lines = new ArrayList<>(table.lines());
        problems.forEach(problem -> lines.add("- " + problem));
        return lines;
    }

    private static List<String> row(CarepathService service, CommandCounts delta, long episodes) {
        String others = delta.others().entrySet().stream()
                .map(entry -> entry.getKey() + " " + perEpisode(entry.getValue(), episodes))
                .collect(Collectors.joining(", "));
        return List.of(
                service.artifactId(),
                perEpisode(delta.count("insert"), episodes),
                perEpisode(delta.count("update"), episodes),
                perEpisode(delta.count("delete"), episodes),
                perEpisode(delta.count("findAndModify"), episodes),
                perEpisode(delta.writes(), episodes),
                perEpisode(delta.reads(), episodes),
                others.isEmpty() ? "–" : others);
    }

    private static String problem(Scrape before, Scrape after) {
        if (before == null || after == null) {
            return "not scraped";
        }
        if (!before.isAvailable()) {
            return before.problem();
        }
        return after.isAvailable() ? null : after.problem();
    }

    private static String perEpisode(double count, long episodes) {
        return episodes <= 0 ? "–" : Numbers.perEpisode(count / episodes);
    }
}
