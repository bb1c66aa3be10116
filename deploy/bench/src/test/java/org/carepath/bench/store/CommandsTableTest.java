package org.carepath.bench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.carepath.local.CarepathService;
import org.junit.jupiter.api.Test;

class CommandsTableTest {

    @Test
    void dividesEachServicesCommandsByTheEpisodes() {
        Map<CarepathService, Scrape> before = scrapes(Map.of("insert", 10.0, "find", 100.0));
        Map<CarepathService, Scrape> after = scrapes(Map.of("insert", 110.0, "update", 200.0, "find", 400.0));

        List<String> lines = CommandsTable.lines(before, after, 100);

        assertThat(lines.get(0))
                .isEqualTo("| service | insert | update | delete | findAndModify | write commands | find (reads)"
                        + " | other commands |");
        assertThat(lines.get(2)).isEqualTo("| intake-service | 1.00 | 2.00 | 0.00 | 0.00 | 3.00 | 3.00 | – |");
        assertThat(lines.get(6)).startsWith("| clinic-view-service |");
        assertThat(lines.get(7)).isEqualTo("| all five |  |  |  |  | 15.00 | 15.00 |  |");
    }

    @Test
    void saysWhichServiceHasNoMetricInsteadOfGuessing() {
        Map<CarepathService, Scrape> before = scrapes(Map.of("insert", 1.0));
        Map<CarepathService, Scrape> after = scrapes(Map.of("insert", 2.0));
        after.put(
                CarepathService.TRIAGE,
                Scrape.failed(
                        "mongodb_driver_commands_seconds_count is missing on http://127.0.0.1:8082/actuator/prometheus"));

        List<String> lines = CommandsTable.lines(before, after, 1);

        assertThat(lines).contains("| triage-service | ? | ? | ? | ? | ? | ? | metric missing |");
        assertThat(lines)
                .last()
                .isEqualTo("- triage-service: mongodb_driver_commands_seconds_count is missing on"
                        + " http://127.0.0.1:8082/actuator/prometheus");
        assertThat(lines).noneMatch(line -> line.startsWith("| all five"));
    }

    private static Map<CarepathService, Scrape> scrapes(Map<String, Double> counts) {
        Map<CarepathService, Scrape> scrapes = new EnumMap<>(CarepathService.class);
        for (CarepathService service : CarepathService.values()) {
            scrapes.put(service, Scrape.of(new CommandCounts(counts)));
        }
        return scrapes;
    }
}
