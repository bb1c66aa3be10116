package org.carepath.events.intake;

/** The clinic group's regions (scheduling-rules.md §1). */
public enum Region {
    MANHATTAN,
    BROOKLYN,
    QUEENS,
    BRONX,
    STATEN_ISLAND,
    NASSAU,
    SUFFOLK
}
