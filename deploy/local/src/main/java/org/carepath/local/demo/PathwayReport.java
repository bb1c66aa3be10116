package org.carepath.local.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** One episode's pathway as a readable plain-text block: triage, appointments, follow-ups, estimate. */
public final class PathwayReport {

    public static final ZoneId CLINIC_ZONE = ZoneId.of("America/New_York");

    private static final DateTimeFormatter CLINIC_TIME =
            DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.US).withZone(CLINIC_ZONE);
    private static final String INDENT = "  ";

    private PathwayReport() {}

    public static String render(String heading, String episodeId, PathwaySnapshot snapshot, boolean settled) {
        StringBuilder text = new StringBuilder();
        text.append("=== ")
                .append(heading)
                .append("  (episode ")
                .append(episodeId)
                .append(")");
        if (!settled) {
            text.append("  [still changing when the demo stopped waiting]");
        }
        text.append('\n');
        triage(text, snapshot.triage());
        appointments(text, snapshot.appointments());
        followUps(text, snapshot.followUps());
        estimate(text, snapshot.estimate());
        return text.toString();
    }

    private static void triage(StringBuilder text, JsonNode triage) {
        if (triage.isMissingNode()) {
            text.append("Triage        (no decision yet)\n");
            return;
        }
        text.append("Triage        ")
                .append(triage.path("disposition").asString("?"))
                .append("  classification ")
                .append(triage.path("classification").asString("?"))
                .append("  STarT Back ")
                .append(triage.path("startBackRisk").asString("-"))
                .append("  (v")
                .append(triage.path("version").asString("?"))
                .append(")\n");
        field(text, "rules", joined(triage.path("rules")));
        field(text, "red flags", joined(triage.path("redFlags")));
        field(text, "imaging", joinedWith(triage.path("imaging"), "modality", "rule"));
        field(text, "considering", joined(triage.path("considerations")));
        field(text, "procedures", joinedWith(triage.path("candidateProcedures"), "cpt", "rule"));
        field(text, "care plan", joinedWith(triage.path("carePlan"), "code", null));
    }

    private static void appointments(StringBuilder text, JsonNode appointments) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode appointment : appointments) {
            rows.add(List.of(
                    appointment.path("type").asString(""),
                    appointment.path("specialty").asString(""),
                    clinicTime(appointment.path("start")),
                    appointment.path("region").asString(""),
                    appointment.path("status").asString(""),
                    appointment.path("cpt").asString("")));
        }
        section(
                text,
                "Appointments",
                List.of("TYPE", "SPECIALTY", "START (America/New_York)", "REGION", "STATUS", "CPT"),
                rows);
    }

    private static void followUps(StringBuilder text, JsonNode followUps) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode followUp : followUps) {
            rows.add(List.of(
                    followUp.path("kind").asString(""),
                    clinicTime(followUp.path("dueAt")),
                    followUp.path("status").asString(""),
                    followUp.path("channel").asString("")));
        }
        section(text, "Follow-ups", List.of("KIND", "DUE (America/New_York)", "STATUS", "CHANNEL"), rows);
    }

    private static void estimate(StringBuilder text, JsonNode estimate) {
        if (estimate.isMissingNode()) {
            text.append("Estimate      (none)\n");
            return;
        }
        JsonNode totals = estimate.path("totals");
        text.append("Estimate      payer ")
                .append(estimate.path("primaryPayer").asString("?"))
                .append("  total allowed ")
                .append(money(totals.path("allowed")))
                .append("  patient pays ")
                .append(money(totals.path("patientPays")))
                .append(' ')
                .append(estimate.path("currency").asString("USD"))
                .append('\n');
        field(text, "rules", joined(estimate.path("rules")));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode line : estimate.path("lines")) {
            rows.add(List.of(
                    line.path("cpt").asString(""),
                    line.path("source").asString(""),
                    money(line.path("allowed")),
                    money(line.path("primaryPays")),
                    money(line.path("supplementalPays")),
                    money(line.path("secondaryPays")),
                    money(line.path("patientPays"))));
        }
        if (!rows.isEmpty()) {
            text.append(TextTable.render(
                    INDENT,
                    List.of("CPT", "SOURCE", "ALLOWED", "PRIMARY", "SUPPLEMENTAL", "SECONDARY", "PATIENT"),
                    rows));
        }
    }

    private static void section(StringBuilder text, String title, List<String> headers, List<List<String>> rows) {
        if (rows.isEmpty()) {
            text.append(String.format("%-14s(none)%n", title));
            return;
        }
        text.append(title).append('\n').append(TextTable.render(INDENT, headers, rows));
    }

    private static void field(StringBuilder text, String label, String value) {
        text.append(String.format("%s%-12s%s%n", INDENT, label, value.isEmpty() ? "none" : value));
    }

    private static String joined(JsonNode list) {
        List<String> items = new ArrayList<>();
        for (JsonNode item : list) {
            items.add(item.isValueNode() ? item.asString() : item.toString());
        }
        return String.join(", ", items);
    }

    /** {@code MRI (IM-MRI), XRAY (IM-XRAY)}: the main field of each item, and its rule when it has one. */
    private static String joinedWith(JsonNode list, String mainField, String ruleField) {
        List<String> items = new ArrayList<>();
        for (JsonNode item : list) {
            String main = item.path(mainField).asString("?");
            String rule = ruleField == null ? "" : item.path(ruleField).asString("");
            items.add(rule.isEmpty() ? main : main + " (" + rule + ")");
        }
        return items.stream().collect(Collectors.joining(", "));
    }

    static String clinicTime(JsonNode instant) {
        String value = instant.asString("");
        try {
            return CLINIC_TIME.format(Instant.parse(value));
        } catch (DateTimeParseException notAnInstant) {
            return value;
        }
    }

    static String money(JsonNode amount) {
        if (!amount.isNumber()) {
            return amount.isMissingNode() || amount.isNull() ? "-" : amount.asString();
        }
        BigDecimal value = amount.decimalValue();
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
