package org.carepath.testing;

import java.time.LocalDate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Object Mother for intake reports in the JSON of CONTRACT.md. Each call returns a fresh tree, so a test can
 * change one field without touching anybody else's fixture.
 */
public final class ReportJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode report;

    private ReportJson(ObjectNode report) {
        this.report = report;
    }

    /** The example of CONTRACT.md: acute lifting strain, Medicare with Medigap, onset the given day. */
    public static ReportJson contractExample(LocalDate onsetDate) {
        String json =
                """
                {
                  "patient": {"mrn": "MRN-1001", "name": "Jane Doe", "birthDate": "1964-03-02",
                              "region": "NASSAU", "contact": {"channel": "SMS", "phone": "+15165550100", "email": null}},
                  "onsetDate": "%s",
                  "painScore": 6,
                  "painLocation": "LOWER_BACK",
                  "symptoms": ["CRAMPING", "STIFFNESS"],
                  "triggers": ["LIFTING"],
                  "history": {"episodesLast12Months": 0, "worsening": false, "homeCareTried": false,
                              "interferesWithDailyActivities": false, "knownConditions": [], "mriContraindicated": false},
                  "coverage": {"primary": "MEDICARE", "partBDeductibleRemaining": 0.00,
                               "supplemental": {"type": "MEDIGAP", "coversPartBDeductible": false},
                               "secondary": null, "workersCompClaim": null, "noFault": null}
                }
                """
                        .formatted(onsetDate);
        return new ReportJson((ObjectNode) JSON.readTree(json));
    }

    /** Sudden loss of bladder or bowel control: red flag ER-1. */
    public static ReportJson redFlag(LocalDate onsetDate) {
        return contractExample(onsetDate).withSymptoms("BLADDER_BOWEL_LOSS", "SHARP_PAIN");
    }

    public ReportJson with(String field, Object value) {
        report.set(field, JSON.valueToTree(value));
        return this;
    }

    public ReportJson without(String field) {
        report.remove(field);
        return this;
    }

    public ReportJson withPatient(String field, Object value) {
        ((ObjectNode) report.get("patient")).set(field, JSON.valueToTree(value));
        return this;
    }

    public ReportJson withoutPatient(String field) {
        ((ObjectNode) report.get("patient")).remove(field);
        return this;
    }

    public ReportJson withSymptoms(String... symptoms) {
        ArrayNode list = report.putArray("symptoms");
        for (String symptom : symptoms) {
            list.add(symptom);
        }
        return this;
    }

    public ReportJson withTriggers(String... triggers) {
        ArrayNode list = report.putArray("triggers");
        for (String trigger : triggers) {
            list.add(trigger);
        }
        return this;
    }

    public ReportJson withHistory(String field, Object value) {
        ((ObjectNode) report.get("history")).set(field, JSON.valueToTree(value));
        return this;
    }

    public ReportJson withCoverage(Object coverage) {
        report.set("coverage", JSON.valueToTree(coverage));
        return this;
    }

    public JsonNode tree() {
        return report.deepCopy();
    }

    public String json() {
        return JSON.writeValueAsString(report);
    }
}
