package org.carepath.billing.feeschedule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The allowed amounts of one year, by CPT code. Immutable; load it with {@link FeeScheduleCsv}. */
public final class FeeSchedule {

    private final int year;
    private final Map<String, FeeScheduleEntry> byCpt;

    private FeeSchedule(int year, Map<String, FeeScheduleEntry> byCpt) {
        this.year = year;
        this.byCpt = byCpt;
    }

    /** @throws IllegalArgumentException on an entry of another year or a CPT code listed twice */
    public static FeeSchedule of(int year, List<FeeScheduleEntry> entries) {
        Map<String, FeeScheduleEntry> byCpt = new LinkedHashMap<>();
        for (FeeScheduleEntry entry : entries) {
            if (entry.year() != year) {
                throw new IllegalArgumentException("CPT " + entry.cpt() + " is for " + entry.year() + ", not " + year);
            }
            if (byCpt.putIfAbsent(entry.cpt(), entry) != null) {
                throw new IllegalArgumentException("duplicate CPT " + entry.cpt() + " for year " + year);
            }
        }
        return new FeeSchedule(year, Collections.unmodifiableMap(byCpt));
    }

    public int year() {
        return year;
    }

    /** Empty when the code is not on file: such a service is never priced as zero (billing-rules.md §1). */
    public Optional<FeeScheduleEntry> find(String cpt) {
        return Optional.ofNullable(cpt == null ? null : byCpt.get(cpt.strip()));
    }

    /** In file order. */
    public List<FeeScheduleEntry> entries() {
        return List.copyOf(byCpt.values());
    }
}
