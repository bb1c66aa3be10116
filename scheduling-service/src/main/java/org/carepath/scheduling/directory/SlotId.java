package org.carepath.scheduling.directory;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A slot's identity: provider and UTC start, written {@code <providerId>@<start>} (e.g.
 * {@code ortho-queens-1@2026-11-25T13:00:00Z}). A unique index on it is what keeps a provider from being
 * double-booked.
 */
public record SlotId(String providerId, Instant start) {

    static final char SEPARATOR = '@';

    public static SlotId parse(String value) {
        int at = value == null ? -1 : value.lastIndexOf(SEPARATOR);
        if (at <= 0 || at == value.length() - 1) {
            throw new IllegalArgumentException("slot id must look like <providerId>@<UTC start>: " + value);
        }
        try {
            return new SlotId(value.substring(0, at), Instant.parse(value.substring(at + 1)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("slot id has no valid UTC start: " + value, e);
        }
    }

    public String value() {
        return providerId + SEPARATOR + start;
    }

    @Override
    public String toString() {
        return value();
    }
}
