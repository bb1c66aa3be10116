package org.carepath.bench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.carepath.bench.report.Numbers;

/** The MongoDB wire server's H2 file on disk, against the episodes stored in it. */
public final class StoreSize {

    private StoreSize() {}

    public static long bytes(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }

    /** e.g. {@code 12.5 MiB for 3000 episodes: 4.3 KiB per episode}. */
    public static String describe(long bytes, long episodes) {
        String total = Numbers.bytes(bytes) + " (" + bytes + " bytes) for " + episodes + " stored episodes";
        return episodes <= 0 ? total : total + ": " + Numbers.bytes(bytes / episodes) + " per episode";
    }
}
