package org.carepath.events.intake;

public enum Bothersomeness {
    NOT_AT_ALL,
    SLIGHTLY,
    MODERATELY,
    VERY_MUCH,
    EXTREMELY
}
