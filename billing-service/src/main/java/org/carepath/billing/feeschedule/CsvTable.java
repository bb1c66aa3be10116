package org.carepath.billing.feeschedule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a small comma-separated file with a fixed header: fields may be quoted ({@code "a, b"}, a quote inside
 * written as {@code ""}); blank lines are skipped; a leading byte-order mark is ignored (spreadsheet exports).
 */
final class CsvTable {

    private static final char QUOTE = '"';
    private static final char COMMA = ',';

    private CsvTable() {}

    static List<CsvRow> read(String source, Reader reader, List<String> header) {
        List<CsvRow> rows = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(reader)) {
            String first = lines.readLine();
            if (first == null) {
                throw new InvalidFeeScheduleException(source, 0, 0, null, "the file is empty");
            }
            List<String> actualHeader = split(source, 1, stripByteOrderMark(first));
            if (!actualHeader.equals(header)) {
                throw new InvalidFeeScheduleException(
                        source, 1, 0, null, "the header must be " + String.join(",", header));
            }
            int lineNumber = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = split(source, lineNumber, line);
                if (fields.size() != header.size()) {
                    throw new InvalidFeeScheduleException(
                            source,
                            lineNumber,
                            0,
                            null,
                            "expected " + header.size() + " columns, found " + fields.size());
                }
                rows.add(new CsvRow(source, lineNumber, header, fields));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return List.copyOf(rows);
    }

    static List<String> split(String source, int lineNumber, String line) {
        List<String> fields = new ArrayList<>();
        int position = 0;
        while (true) {
            int column = fields.size() + 1;
            StringBuilder field = new StringBuilder();
            if (position < line.length() && line.charAt(position) == QUOTE) {
                position = readQuoted(source, lineNumber, column, line, position + 1, field);
                if (position < line.length() && line.charAt(position) != COMMA) {
                    throw new InvalidFeeScheduleException(
                            source, lineNumber, column, "field " + column, "text after a closing quote");
                }
            } else {
                int end = line.indexOf(COMMA, position);
                end = end < 0 ? line.length() : end;
                String unquoted = line.substring(position, end);
                if (unquoted.indexOf(QUOTE) >= 0) {
                    throw new InvalidFeeScheduleException(
                            source,
                            lineNumber,
                            column,
                            "field " + column,
                            "a quote inside an unquoted field (quote the whole field)");
                }
                field.append(unquoted.strip());
                position = end;
            }
            fields.add(field.toString());
            if (position >= line.length()) {
                return fields;
            }
            position++; // the comma
        }
    }

    private static int readQuoted(
            String source, int lineNumber, int column, String line, int start, StringBuilder field) {
        int position = start;
        while (position < line.length()) {
            char c = line.charAt(position);
            if (c != QUOTE) {
                field.append(c);
                position++;
            } else if (position + 1 < line.length() && line.charAt(position + 1) == QUOTE) {
                field.append(QUOTE);
                position += 2;
            } else {
                return position + 1;
            }
        }
        throw new InvalidFeeScheduleException(
                source, lineNumber, column, "field " + column, "a quoted field is not closed on its line");
    }

    private static String stripByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
