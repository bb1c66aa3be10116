package org.carepath.platform.web;

/** A field of the request is well-formed but not acceptable; answered with the given status (400 or 422). */
public class InvalidFieldException extends RuntimeException {

    private final String field;
    private final int status;

    public InvalidFieldException(String field, String message) {
        this(field, message, 400);
    }

    public InvalidFieldException(String field, String message, int status) {
        super(message);
        this.field = field;
        this.status = status;
    }

    public String field() {
        return field;
    }

    public int status() {
        return status;
    }
}
