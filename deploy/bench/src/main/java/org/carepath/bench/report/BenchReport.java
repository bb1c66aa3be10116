package org.carepath.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The markdown report, built up while the bench runs. Progress goes to the console only; the report is printed
 * and written to its file at the end.
 */
public final class BenchReport {

    private final PrintStream out;
    private final List<String> lines = new ArrayList<>();

    public BenchReport(PrintStream out) {
        this.out = out;
    }

    /** A progress line for the console, not part of the report. */
    public void progress(String line) {
        out.println("  " + line);
    }

    public synchronized BenchReport line(String line) {
        lines.add(line);
        return this;
    }

    public synchronized BenchReport lines(List<String> more) {
        lines.addAll(more);
        return this;
    }

    public synchronized BenchReport blank() {
        lines.add("");
        return this;
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized String markdown() {
        return String.join("\n", lines) + "\n";
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, markdown(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + file, e);
        }
    }
}
