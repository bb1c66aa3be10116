package org.carepath.bench.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Episode reports for the bench (CONTRACT.md, {@code POST /api/v1/episodes}), all synthetic: the name is always
 * "Bench Patient", phones are +1516555xxxx, MRNs name the run and the report's number. Each one interferes with
 * daily activities (SP-4), so triage refers it to a specialist and scheduling books or waitlists a visit; no red
 * flag, so every report takes the whole path to an estimate. Region, pain score, triggers, history and coverage
 * vary with the report's number.
 */
public final class SyntheticReports {

    private static final List<String> REGIONS =
            List.of("MANHATTAN", "BROOKLYN", "QUEENS", "BRONX", "STATEN_ISLAND", "NASSAU", "SUFFOLK");
    private static final List<String> TRIGGERS = List.of("LIFTING", "TWISTING", "POOR_POSTURE", "EXERCISE");
    private static final int COVERAGES = 4;

    private final JsonMapper json;
    private final String runTag;
    private final LocalDate today;

    /**
     * @param runTag names the run in every MRN, so two runs never share a patient
     * @param today the reports' onset dates lie 1 to 5 days before it
     */
    public SyntheticReports(JsonMapper json, String runTag, LocalDate today) {
        this.json = json;
        this.runTag = runTag;
        this.today = today;
    }

    /** The report with this number, as a JSON request body. Distinct numbers give distinct patients. */
    public String report(long number) {
        ObjectNode report = json.createObjectNode();
        report.set("patient", patient(number));
        report.put("onsetDate", today.minusDays(1 + number % 5).toString());
        report.put("painScore", 3 + (int) (number % 5)); // 3..7: no trauma trigger, so 7 is no red flag
        report.put("painLocation", number % 3 == 0 ? "MID_BACK" : "LOWER_BACK");
        ArrayNode symptoms = report.putArray("symptoms");
        symptoms.add("CRAMPING");
        if (number % 2 == 0) {
            symptoms.add("STIFFNESS");
        }
        report.putArray("triggers").add(TRIGGERS.get((int) (number % TRIGGERS.size())));
        report.set("history", history(number));
        report.set("coverage", coverage(number));
        return json.writeValueAsString(report);
    }

    private ObjectNode patient(long number) {
        ObjectNode patient = json.createObjectNode();
        patient.put("mrn", "BENCH-" + runTag + "-" + number);
        patient.put("name", "Bench Patient");
        patient.put(
                "birthDate", LocalDate.of(1945, 1, 1).plusDays(number % 15_000).toString());
        patient.put("region", REGIONS.get((int) (number % REGIONS.size())));
        ObjectNode contact = patient.putObject("contact");
        contact.put("channel", "SMS");
        contact.put("phone", String.format(Locale.ROOT, "+1516555%04d", number % 10_000));
        contact.putNull("email");
        return patient;
    }

    private ObjectNode history(long number) {
        ObjectNode history = json.createObjectNode();
        history.put("episodesLast12Months", (int) (number % 3));
        history.put("worsening", false);
        history.put("homeCareTried", number % 2 == 1);
        history.put("interferesWithDailyActivities", true);
        history.putArray("knownConditions");
        history.put("mriContraindicated", false);
        return history;
    }

    private ObjectNode coverage(long number) {
        ObjectNode coverage = json.createObjectNode();
        switch ((int) (number % COVERAGES)) {
            case 0:
                medicare(coverage, "0.00");
                ObjectNode medigap = coverage.putObject("supplemental");
                medigap.put("type", "MEDIGAP");
                medigap.put("coversPartBDeductible", false);
                break;
            case 1:
                medicare(coverage, "283.00");
                coverage.putNull("supplemental");
                break;
            case 2:
                medicare(coverage, "0.00");
                coverage.putNull("supplemental");
                ObjectNode employer = coverage.putObject("secondary");
                employer.put("type", "EMPLOYER");
                employer.put("deductibleRemaining", new BigDecimal("250.00"));
                employer.put("inNetwork", true);
                break;
            default:
                coverage.put("primary", "COMMERCIAL");
                ObjectNode commercial = coverage.putObject("commercial");
                commercial.put("deductibleRemaining", new BigDecimal("500.00"));
                commercial.put("coinsurancePercent", 20);
                commercial.put("copay", new BigDecimal("30.00"));
                coverage.putNull("supplemental");
                break;
        }
        if (!coverage.has("secondary")) {
            coverage.putNull("secondary");
        }
        coverage.putNull("workersCompClaim");
        coverage.putNull("noFault");
        return coverage;
    }

    private static void medicare(ObjectNode coverage, String deductibleRemaining) {
        coverage.put("primary", "MEDICARE");
        coverage.put("partBDeductibleRemaining", new BigDecimal(deductibleRemaining));
    }
}
