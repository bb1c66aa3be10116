package org.carepath.events.triage;

import java.time.LocalDate;
import java.util.List;
import org.carepath.events.intake.Contact;
import org.carepath.events.intake.Coverage;
import org.carepath.events.intake.Region;
import org.carepath.events.intake.Trigger;

/**
 * The facts of the report that scheduling and billing act on, carried with every decision so that they never
 * depend on the order in which two topics are consumed (event-carried state transfer). No name, no birth date,
 * no MRN: {@code patientId} is intake's stable opaque id for the MRN (absent on decisions made before intake
 * assigned one), so scheduling can keep one patient's appointments apart across episodes.
 */
public record EpisodeContext(
        Region region,
        LocalDate onsetDate,
        Contact contact,
        List<Trigger> triggers,
        Coverage coverage,
        String patientId) {}
