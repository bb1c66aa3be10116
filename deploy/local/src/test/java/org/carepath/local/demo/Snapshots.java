package org.carepath.local.demo;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** Object Mother: what the services answer about an episode, in the JSON of CONTRACT.md. */
final class Snapshots {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Snapshots() {}

    /** Reported, but no service has answered yet. */
    static PathwaySnapshot justReported() {
        return new PathwaySnapshot(missing(), missing(), missing(), missing());
    }

    /** Triaged, not yet booked or priced. */
    static PathwaySnapshot triagedOnly() {
        return new PathwaySnapshot(conservativeCareDecision(), empty(), empty(), missing());
    }

    /** The contract's example: conservative care, a PT evaluation, one follow-up, a Medicare + Medigap estimate. */
    static PathwaySnapshot conservativeCare() {
        return new PathwaySnapshot(
                conservativeCareDecision(),
                json(
                        """
                        [{"appointmentId": "A-1", "episodeId": "E-1", "type": "PT_EVALUATION",
                          "specialty": "PHYSICAL_THERAPY", "providerId": "P-7", "siteId": "S-2", "region": "NASSAU",
                          "start": "2026-11-30T13:00:00Z", "end": "2026-11-30T13:45:00Z", "status": "BOOKED",
                          "cpt": "97162"}]
                        """),
                json(
                        """
                        [{"followUpId": "F-1", "kind": "ICE_TO_HEAT", "dueAt": "2026-11-25T15:00:00Z",
                          "status": "PENDING", "channel": "SMS"}]
                        """),
                json(
                        """
                        {"episodeId": "E-1", "estimateId": "X-1", "currency": "USD", "producedAt": "2026-11-24T15:00:02Z",
                         "primaryPayer": "MEDICARE",
                         "lines": [{"cpt": "64647", "description": "chemodenervation", "allowed": 216.15,
                                    "deductibleApplied": 0.00, "primaryPays": 172.92, "supplementalPays": 43.23,
                                    "secondaryPays": 0.00, "patientPays": 0.00}],
                         "totals": {"allowed": 216.15, "primaryPays": 172.92, "supplementalPays": 43.23,
                                    "secondaryPays": 0.00, "patientPays": 0},
                         "assumptions": [], "rules": ["B-MCR", "B-SUPP"]}
                        """));
    }

    /** The same pathway after billing priced one more service. */
    static PathwaySnapshot conservativeCareRepriced() {
        PathwaySnapshot before = conservativeCare();
        return new PathwaySnapshot(
                before.triage(),
                before.appointments(),
                before.followUps(),
                json("{\"primaryPayer\": \"MEDICARE\", \"totals\": {\"allowed\": 400.00, \"patientPays\": 0}}"));
    }

    private static JsonNode conservativeCareDecision() {
        return json(
                """
                {"episodeId": "E-1", "version": 1, "decidedAt": "2026-11-24T15:00:00Z",
                 "disposition": "CONSERVATIVE_CARE", "classification": "ACUTE", "startBackRisk": "LOW",
                 "redFlags": [], "imaging": [{"modality": "MRI", "rule": "IM-MRI", "reason": "leg pain"}],
                 "considerations": ["SCIATICA"], "candidateProcedures": [{"cpt": "63030", "rule": "SU-DISC"}],
                 "carePlan": [{"code": "CC-COLD", "instruction": "ice", "from": "2026-11-24", "until": "2026-11-26"}],
                 "rules": ["CL-ACUTE", "CC-REST", "CC-COLD"], "assumptions": []}
                """);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static JsonNode empty() {
        return json("[]");
    }

    private static JsonNode missing() {
        return MissingNode.getInstance();
    }
}
