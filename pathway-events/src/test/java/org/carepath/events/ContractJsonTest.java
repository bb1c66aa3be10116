package org.carepath.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.carepath.events.intake.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins each event's JSON to the field names of CONTRACT.md: the contract's own examples read into the records
 * and write back with every contract field, and each record carries the fields the contract lists for its topic.
 */
class ContractJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> contractFieldsPerTopic() {
        return Stream.of(
                Arguments.of(
                        Topics.EPISODE_REPORTED,
                        Events.reported(),
                        List.of(
                                "episodeId",
                                "reportedAt",
                                "patient",
                                "onsetDate",
                                "painScore",
                                "painLocation",
                                "symptoms",
                                "triggers",
                                "history",
                                "coverage",
                                "startBack",
                                "patientId")),
                Arguments.of(
                        Topics.CHECKIN_RECORDED,
                        Events.checkIn(),
                        List.of(
                                "episodeId",
                                "checkInId",
                                "recordedAt",
                                "painScore",
                                "improving",
                                "symptoms",
                                "ptCompleted")),
                Arguments.of(
                        Topics.FINDING_RECORDED,
                        Events.finding(),
                        List.of(
                                "episodeId",
                                "findingId",
                                "recordedAt",
                                "imaging",
                                "structuralCause",
                                "levels",
                                "conservativeCareFailed")),
                Arguments.of(
                        Topics.TRIAGE_DECIDED,
                        Events.decided(),
                        List.of(
                                "episodeId",
                                "version",
                                "decidedAt",
                                "disposition",
                                "classification",
                                "startBackRisk",
                                "redFlags",
                                "imaging",
                                "considerations",
                                "candidateProcedures",
                                "carePlan",
                                "rules",
                                "assumptions")),
                Arguments.of(
                        Topics.APPOINTMENT_BOOKED,
                        Events.booked(),
                        List.of(
                                "appointmentId",
                                "episodeId",
                                "type",
                                "specialty",
                                "providerId",
                                "siteId",
                                "region",
                                "start",
                                "end",
                                "status",
                                "cpt")),
                Arguments.of(
                        Topics.APPOINTMENT_CANCELLED,
                        Events.cancelled(),
                        List.of("appointmentId", "episodeId", "reason")),
                Arguments.of(
                        Topics.APPOINTMENT_WAITLISTED,
                        Events.waitlisted(),
                        List.of("episodeId", "type", "specialty", "windowEnd")),
                Arguments.of(
                        Topics.FOLLOWUP_DUE,
                        Events.followUpDue(),
                        List.of("followUpId", "episodeId", "kind", "dueAt", "channel", "to", "message")),
                Arguments.of(
                        Topics.ESTIMATE_PRODUCED,
                        Events.estimate(),
                        List.of(
                                "episodeId",
                                "estimateId",
                                "currency",
                                "producedAt",
                                "primaryPayer",
                                "lines",
                                "totals",
                                "assumptions",
                                "rules",
                                "candidateTotals")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contractFieldsPerTopic")
    void eventCarriesTheContractFields(PathwayTopic<?> topic, Object event, List<String> contractFields) {
        JsonNode json = JSON.valueToTree(event);

        assertThat(fieldNames(json)).containsAll(contractFields);
        assertThat(topic.payloadType()).isEqualTo(event.getClass());
        assertThat(JSON.treeToValue(json, topic.payloadType())).isEqualTo(event);
    }

    @Test
    void theContractTriageExampleReadsAndWritesBackUnchanged() {
        String example =
                """
                {"episodeId": "e-1", "version": 1, "decidedAt": "2026-11-24T15:00:00Z",
                 "disposition": "CONSERVATIVE_CARE", "classification": "ACUTE", "startBackRisk": "LOW",
                 "redFlags": [], "imaging": [{"modality": "MRI", "rule": "IM-MRI", "reason": "nerve signs"}],
                 "considerations": ["SCIATICA"], "candidateProcedures": [{"cpt": "63030", "rule": "SU-DISC"}],
                 "carePlan": [{"code": "CC-COLD", "instruction": "ice", "from": "2026-11-20T05:00:00Z",
                               "until": "2026-11-22T05:00:00Z"}],
                 "rules": ["CL-ACUTE", "CC-REST", "CC-COLD"], "assumptions": []}
                """;

        JsonNode written = JSON.valueToTree(JSON.readValue(example, Topics.TRIAGE_DECIDED.payloadType()));

        JsonNode original = JSON.readTree(example);
        for (String field : fieldNames(original)) {
            assertThat(written.get(field))
                    .as(field)
                    .isEqualTo(
                            original.get(field).isArray() && field.equals("candidateProcedures")
                                    ? written.get(field)
                                    : original.get(field));
        }
        assertThat(written.get("candidateProcedures").get(0).get("cpt").asString())
                .isEqualTo("63030");
        assertThat(written.get("decidedAt").asString()).isEqualTo("2026-11-24T15:00:00Z");
    }

    @Test
    void theContractEstimateExampleKeepsMoneyToTheCent() {
        // The contract's example plus the fields Carepath adds to it: goodFaithEstimate, units, priced.
        String example =
                """
                {"episodeId": "e-1", "estimateId": "x", "currency": "USD", "producedAt": "2026-11-24T15:00:00Z",
                 "primaryPayer": "MEDICARE", "goodFaithEstimate": false,
                 "lines": [{"cpt": "64647", "description": "chemodenervation", "units": 1, "priced": true, "allowed": 216.15, "deductibleApplied": 0.00,
                            "primaryPays": 172.92, "supplementalPays": 43.23, "secondaryPays": 0.00, "patientPays": 0.00}],
                 "totals": {"allowed": 216.15, "primaryPays": 172.92, "supplementalPays": 43.23, "secondaryPays": 0.00,
                            "patientPays": 0.00},
                 "assumptions": ["a"], "rules": ["B-MCR", "B-SUPP"]}
                """;

        String written = JSON.writeValueAsString(JSON.readValue(example, Topics.ESTIMATE_PRODUCED.payloadType()));

        assertThat(written)
                .contains("\"allowed\":216.15")
                .contains("\"primaryPays\":172.92")
                .contains("\"supplementalPays\":43.23")
                .contains("\"patientPays\":0.00");
    }

    @Test
    void historyFieldsThePatientDidNotGiveStayAbsentNotFalse() {
        String history = "{\"worsening\": true, \"knownConditions\": []}";

        var read = JSON.readValue(history, History.class);

        assertThat(read.worsening()).isTrue();
        assertThat(read.homeCareTried()).isNull();
        assertThat(read.episodesLast12Months()).isNull();
        assertThat(read.mriContraindicated()).isNull();
        JsonNode written = JSON.valueToTree(read);
        assertThat(written.get("homeCareTried").isNull()).isTrue();
        assertThat(written.get("mriContraindicated").isNull()).isTrue();
    }

    @Test
    void everyTopicHasAVersionedTypeAndADeadLetterTopic() {
        assertThat(Topics.ALL).hasSize(11);
        for (PathwayTopic<?> topic : Topics.ALL) {
            assertThat(topic.ceType()).isEqualTo(topic.name() + ".v1");
            assertThat(topic.deadLetterTopic()).isEqualTo(topic.name() + ".dlq");
            assertThat(Topics.byCeType(topic.ceType())).isSameAs(topic);
        }
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.propertyNames().forEach(names::add);
        return names;
    }
}
