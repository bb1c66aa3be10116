package org.carepath.events.intake;

public enum PrimaryPayer {
    MEDICARE,
    COMMERCIAL,
    SELF_PAY
}
