package org.carepath.platform.web;

/** The request clashes with the resource's current state: answered 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
