package org.carepath.scheduling.schedule;

import java.util.Optional;

/**
 * A change the schedule's state does not allow: a conflict with what it holds (a 409 to the client), or a request
 * field that cannot apply to it (a 422 naming the field).
 */
public final class ChangeRefused extends RuntimeException {

    private final String field;

    private ChangeRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    public static ChangeRefused conflict(String message) {
        return new ChangeRefused(null, message);
    }

    public static ChangeRefused invalid(String field, String message) {
        return new ChangeRefused(field, message);
    }

    /** The request field that cannot apply; empty for a conflict. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
