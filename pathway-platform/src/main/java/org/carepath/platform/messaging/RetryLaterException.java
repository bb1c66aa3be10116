package org.carepath.platform.messaging;

/**
 * A record that cannot be processed yet but may be soon (a check-in consumed before the report it follows, which
 * travels on another topic): it is retried for a while, then dead-lettered with this message as the reason.
 */
public class RetryLaterException extends RuntimeException {

    public RetryLaterException(String reason) {
        super(reason);
    }
}
