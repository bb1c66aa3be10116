package org.carepath.local.demo;

/** A service answered the demo with something other than what the contract promises. */
public final class DemoException extends RuntimeException {

    DemoException(String message) {
        super(message);
    }

    DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
