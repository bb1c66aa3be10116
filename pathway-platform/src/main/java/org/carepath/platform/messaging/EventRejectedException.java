package org.carepath.platform.messaging;

/**
 * A record that can never be processed, however often it is retried: it goes straight to {@code <topic>.dlq}
 * with this message as the reason. The message must name what is wrong without quoting patient data.
 */
public class EventRejectedException extends RuntimeException {

    public EventRejectedException(String reason) {
        super(reason);
    }

    public EventRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
