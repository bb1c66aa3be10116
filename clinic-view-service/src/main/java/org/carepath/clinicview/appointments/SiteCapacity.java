package org.carepath.clinicview.appointments;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Each site's bookable provider-minutes per weekday, from the same directory scheduling books from (the file its
 * {@code CAREPATH_DIRECTORY_FILE} names, bundled by default in pathway-events): utilisation is booked minutes
 * over these. Plain Java over the directory's JSON.
 */
public final class SiteCapacity {

    public record Site(String siteId, String name, String kind, String region) {}

    private final Map<String, Site> sites;
    private final Map<String, Map<DayOfWeek, Long>> minutes;

    private SiteCapacity(Map<String, Site> sites, Map<String, Map<DayOfWeek, Long>> minutes) {
        this.sites = sites;
        this.minutes = minutes;
    }

    public static SiteCapacity of(JsonNode directory) {
        Map<String, Site> sites = new LinkedHashMap<>();
        for (JsonNode site : directory.path("sites")) {
            String id = site.path("id").asString();
            sites.put(
                    id,
                    new Site(
                            id,
                            site.path("name").asString(),
                            site.path("kind").asString(),
                            site.path("region").asString()));
        }
        Map<String, Map<DayOfWeek, Long>> minutes = new LinkedHashMap<>();
        for (JsonNode provider : directory.path("providers")) {
            Map<DayOfWeek, Long> ofSite =
                    minutes.computeIfAbsent(provider.path("siteId").asString(), site -> new EnumMap<>(DayOfWeek.class));
            for (JsonNode window : provider.path("availability")) {
                long length = Duration.between(
                                LocalTime.parse(window.path("from").asString()),
                                LocalTime.parse(window.path("to").asString()))
                        .toMinutes();
                for (JsonNode day : window.path("days")) {
                    ofSite.merge(DayOfWeek.valueOf(day.asString()), length, Long::sum);
                }
            }
        }
        return new SiteCapacity(sites, minutes);
    }

    public List<Site> sites() {
        return new ArrayList<>(sites.values());
    }

    public boolean knows(String siteId) {
        return sites.containsKey(siteId);
    }

    public long minutes(String siteId, LocalDate date) {
        return minutes.getOrDefault(siteId, Map.of()).getOrDefault(date.getDayOfWeek(), 0L);
    }
}
