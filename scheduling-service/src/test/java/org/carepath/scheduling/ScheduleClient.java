package org.carepath.scheduling;

import java.util.ArrayList;
import java.util.List;
import org.carepath.testing.HttpJson;
import tools.jackson.databind.JsonNode;

/** The scheduling REST API as the tests use it. */
public final class ScheduleClient {

    private final HttpJson http;

    public ScheduleClient(int port) {
        this.http = new HttpJson("http://127.0.0.1:" + port);
    }

    public List<JsonNode> appointments(String episodeId) {
        return list("/api/v1/episodes/" + episodeId + "/appointments");
    }

    public List<JsonNode> followUps(String episodeId) {
        return list("/api/v1/episodes/" + episodeId + "/follow-ups");
    }

    public List<JsonNode> waitlist(String episodeId) {
        return list("/api/v1/episodes/" + episodeId + "/waitlist");
    }

    public List<JsonNode> slots(String query) {
        return list("/api/v1/slots?" + query);
    }

    public HttpJson.Response get(String path) {
        return http.get(path);
    }

    public HttpJson.Response book(String episodeId, String slotId, String type) {
        return http.post(
                "/api/v1/appointments",
                "{\"episodeId\": \"" + episodeId + "\", \"slotId\": \"" + slotId + "\", \"type\": \"" + type + "\"}");
    }

    public HttpJson.Response reschedule(String appointmentId, String slotId) {
        return http.post("/api/v1/appointments/" + appointmentId + "/reschedule", "{\"slotId\": \"" + slotId + "\"}");
    }

    public HttpJson.Response cancel(String appointmentId) {
        return http.post("/api/v1/appointments/" + appointmentId + "/cancel", "");
    }

    public HttpJson.Response post(String path, String body) {
        return http.post(path, body);
    }

    private List<JsonNode> list(String path) {
        HttpJson.Response response = http.get(path);
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.status() + ": " + response.body());
        }
        List<JsonNode> items = new ArrayList<>();
        response.json().forEach(items::add);
        return items;
    }
}
