package org.carepath.billing.feeschedule;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a service is performed, as the fee schedule file spells it in lower case. */
public enum Setting {
    OFFICE,
    FACILITY,
    /** The source of the amount does not say (the clinic's patient page). */
    UNSPECIFIED;

    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Setting> fromCsv(String value) {
        return Arrays.stream(values()).filter(s -> s.csvName().equals(value)).findFirst();
    }
}
