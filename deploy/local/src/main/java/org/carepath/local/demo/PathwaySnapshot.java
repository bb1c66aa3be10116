package org.carepath.local.demo;

import tools.jackson.databind.JsonNode;

/**
 * What the four services say about one episode at one moment. An answer that is not there yet (404) is a
 * {@code MissingNode}, so the record never holds {@code null}.
 */
public record PathwaySnapshot(JsonNode triage, JsonNode appointments, JsonNode followUps, JsonNode estimate) {

    public boolean hasTriage() {
        return !triage.isMissingNode();
    }

    public boolean hasEstimate() {
        return !estimate.isMissingNode();
    }
}
