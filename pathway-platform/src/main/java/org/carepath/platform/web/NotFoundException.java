package org.carepath.platform.web;

/** The resource a request names does not exist: answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
