package org.carepath.bench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.carepath.bench.report.Numbers;

/** The MongoDB wire server's files on disk (its journal and snapshot), against the episodes stored in it. */
public final class StoreSize {

    private StoreSize() {}

    public static long bytes(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + folder, e);
        }
    }

    /** e.g. {@code 12.5 MiB for 3000 episodes: 4.3 KiB per episode}. */
    public static String describe(long bytes, long episodes) {
        String total = Numbers.bytes(bytes) + " (" + bytes + " bytes) for " + episodes + " stored episodes";
        return episodes <= 0 ? total : total + ": " + Numbers.bytes(bytes / episodes) + " per episode";
    }
}
