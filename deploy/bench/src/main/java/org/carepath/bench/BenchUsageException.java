package org.carepath.bench;

/** The command line cannot be run; the message says why in one line. */
public final class BenchUsageException extends RuntimeException {

    BenchUsageException(String message) {
        super(message);
    }
}
