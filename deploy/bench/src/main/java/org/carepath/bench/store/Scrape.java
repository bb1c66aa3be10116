package org.carepath.bench.store;

/** One service's MongoDB command counters, or why they could not be read. */
public record Scrape(CommandCounts counts, String problem) {

    public static Scrape of(CommandCounts counts) {
        return new Scrape(counts, null);
    }

    public static Scrape failed(String problem) {
        return new Scrape(null, problem);
    }

    public boolean isAvailable() {
        return counts != null;
    }
}
