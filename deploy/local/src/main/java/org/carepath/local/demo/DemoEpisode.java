package org.carepath.local.demo;

import java.time.LocalDate;
import tools.jackson.databind.node.ObjectNode;

/**
 * One sample episode shipped with the demo: the contract's {@code POST /api/v1/episodes} body without its
 * {@code onsetDate}, which is set relative to the day the demo runs.
 *
 * @param file the resource it was read from
 * @param title what the case shows, printed above its pathway (never the patient's name)
 * @param onsetDaysAgo how many days before today the spasm began
 * @param report the request body, without {@code onsetDate}
 */
public record DemoEpisode(String file, String title, int onsetDaysAgo, ObjectNode report) {

    public DemoEpisode {
        if (onsetDaysAgo < 0) {
            throw new IllegalArgumentException(file + ": onsetDaysAgo must not be negative (onset in the future)");
        }
        report = report.deepCopy();
    }

    /** The request body as sent on {@code today} (the clinic's date, America/New_York). */
    public ObjectNode reportAsOf(LocalDate today) {
        ObjectNode body = report.deepCopy();
        body.put("onsetDate", today.minusDays(onsetDaysAgo).toString());
        return body;
    }

    @Override
    public ObjectNode report() {
        return report.deepCopy();
    }
}
