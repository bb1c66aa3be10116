package org.carepath.platform.messaging;

/**
 * Thrown by a {@link BatchHandler} when the event at {@code index} of its batch failed: the events before it
 * are applied, that one goes to the dead letters (at once, or after retries for a {@link RetryLaterException}),
 * and the ones after it are delivered again (consumers are idempotent, so those already applied change nothing).
 */
public class FailedEventException extends RuntimeException {

    private final int index;

    public FailedEventException(int index, RuntimeException cause) {
        super(cause.getMessage(), cause);
        this.index = index;
    }

    public int index() {
        return index;
    }
}
