package org.carepath.events.billing;

/** Who pays first for an estimate (billing-rules.md §2). */
public enum Payer {
    MEDICARE,
    COMMERCIAL,
    SELF_PAY,
    WORKERS_COMP,
    NO_FAULT
}
