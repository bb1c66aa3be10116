package org.carepath.platform.persistence;

import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Re-runs a read-decide-write against MongoDB when another writer got there first: a stale {@code @Version} or
 * a unique index that another instance just claimed. The work re-reads, so the second run sees the winner.
 */
public final class ConcurrentWrites {

    private static final int MAX_ATTEMPTS = 5;

    private ConcurrentWrites() {}

    public static <T> T retry(Supplier<T> readDecideWrite) {
        for (int attempt = 1; ; attempt++) {
            try {
                return readDecideWrite.get();
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrentWriter) {
                if (attempt == MAX_ATTEMPTS) {
                    throw concurrentWriter;
                }
            }
        }
    }

    public static void retry(Runnable readDecideWrite) {
        retry(() -> {
            readDecideWrite.run();
            return null;
        });
    }
}
