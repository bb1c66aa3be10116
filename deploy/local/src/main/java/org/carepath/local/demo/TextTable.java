package org.carepath.local.demo;

import java.util.ArrayList;
import java.util.List;

/** Plain-text columns, each as wide as its widest cell, two spaces apart. */
final class TextTable {

    private TextTable() {}

    static String render(String indent, List<String> headers, List<List<String>> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(headers);
        lines.addAll(rows);
        int[] widths = new int[headers.size()];
        for (List<String> line : lines) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], cell(line, column).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder row = new StringBuilder(indent);
            for (int column = 0; column < widths.length; column++) {
                row.append(pad(cell(line, column), widths[column])).append("  ");
            }
            text.append(row.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static String cell(List<String> line, int column) {
        return column < line.size() ? line.get(column) : "";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
