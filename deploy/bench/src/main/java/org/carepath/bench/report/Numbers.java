package org.carepath.bench.report;

import java.util.Locale;

/** How the report writes numbers: few digits, no grouping, the same on every locale. */
public final class Numbers {

    private Numbers() {}

    /** A latency in milliseconds: one decimal below 10 ms, whole milliseconds above. */
    public static String millis(double millis) {
        return millis < 10 ? String.format(Locale.ROOT, "%.1f", millis) : String.format(Locale.ROOT, "%.0f", millis);
    }

    /** A rate: whole when it is whole (50), else one decimal (12.5). */
    public static String rate(double perSecond) {
        if (perSecond == Math.rint(perSecond) && Math.abs(perSecond) < 1e15) {
            return String.format(Locale.ROOT, "%.0f", perSecond);
        }
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    /** A measured rate, always with one decimal (49.8). */
    public static String measuredRate(double perSecond) {
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    /** A count per episode, two decimals (3.25). */
    public static String perEpisode(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A size in bytes as KiB, MiB or GiB with one decimal. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
