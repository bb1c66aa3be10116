package org.carepath.bench.store;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.carepath.local.CarepathService;

/** Reads every service's MongoDB command counters from {@code /actuator/prometheus}. */
public final class CommandScraper {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    private final Map<CarepathService, URI> baseUrls;
    private final Supplier<String> operationsToken;

    /** Scrapes with a token of the role {@code operations}, which {@code /actuator/prometheus} asks for. */
    public CommandScraper(Map<CarepathService, URI> baseUrls, Supplier<String> operationsToken) {
        this.baseUrls = Map.copyOf(baseUrls);
        this.operationsToken = operationsToken;
    }

    public Map<CarepathService, Scrape> scrapeAll() {
        Map<CarepathService, Scrape> scrapes = new EnumMap<>(CarepathService.class);
        baseUrls.forEach((service, baseUrl) -> scrapes.put(service, scrape(baseUrl)));
        return scrapes;
    }

    private Scrape scrape(URI baseUrl) {
        URI endpoint = baseUrl.resolve("/actuator/prometheus");
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + operationsToken.get())
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                return Scrape.failed(endpoint + " answered " + response.statusCode() + " (the bench's operations token"
                        + " was refused)");
            }
            if (response.statusCode() != 200) {
                return Scrape.failed(endpoint + " answered " + response.statusCode());
            }
            return PrometheusText.commandCounts(response.body())
                    .map(Scrape::of)
                    .orElseGet(() -> Scrape.failed(PrometheusText.COMMANDS_METRIC + " is missing on " + endpoint));
        } catch (IOException e) {
            return Scrape.failed(
                    endpoint + " could not be read: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Scrape.failed("interrupted while reading " + endpoint);
        }
    }
}
