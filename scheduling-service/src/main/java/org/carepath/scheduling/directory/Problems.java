package org.carepath.scheduling.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Problems found in directory data, one per (place, field): a value that failed to parse is reported once. */
final class Problems {

    private final Map<String, String> byPlaceAndField = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();

    void add(String place, String field, String what) {
        byPlaceAndField.putIfAbsent(place + "|" + field, place + ": " + what);
    }

    void add(String what) {
        general.add(what);
    }

    boolean isEmpty() {
        return byPlaceAndField.isEmpty() && general.isEmpty();
    }

    List<String> all() {
        List<String> all = new ArrayList<>(byPlaceAndField.values());
        all.addAll(general);
        return List.copyOf(all);
    }
}
