package org.carepath.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured markdown table, one line per row. */
public final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    public MarkdownTable row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells for " + header.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(line(header));
        lines.add(line(header.stream().map(ignored -> "---").toList()));
        rows.forEach(row -> lines.add(line(row)));
        return lines;
    }

    /** The header and separator lines alone, to print before the rows come in one by one. */
    public List<String> headerLines() {
        return lines().subList(0, 2);
    }

    public static String line(List<String> cells) {
        return "| "
                + String.join(" | ", cells.stream().map(MarkdownTable::escaped).toList()) + " |";
    }

    private static String escaped(String cell) {
        return cell.replace("|", "\\|").replace("\n", " ");
    }
}
