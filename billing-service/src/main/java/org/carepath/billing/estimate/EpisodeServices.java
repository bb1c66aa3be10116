package org.carepath.billing.estimate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carepath.events.billing.EstimateLine;
import org.carepath.events.billing.LineSource;
import org.carepath.events.triage.CandidateProcedure;

/**
 * What an episode's estimate covers (billing-rules.md §5): one line per booked appointment and one per candidate
 * procedure of the latest decision, in the order each line was first added to the episode.
 *
 * <p>Each estimate version prices the whole list again from the deductibles reported at intake. Because lines
 * keep their order, a line already on the previous version consumes exactly what it consumed there, and a new
 * line only what is left: deductibles are consumed across the episode's estimates in the order they were
 * produced, and never twice for the same line.
 */
public final class EpisodeServices {

    private EpisodeServices() {}

    /**
     * @param previousLines the lines of the episode's current estimate, empty before the first
     * @param booked the appointments booked now (cancelled ones left out), in booking order
     * @param candidates the candidate procedures of the latest triage decision
     * @return the services to quote: lines of the previous estimate that still apply, in their order, then the
     *     new appointments, then the new candidate procedures
     */
    public static List<ServiceRequest> inEstimateOrder(
            List<EstimateLine> previousLines, List<BookedAppointment> booked, List<CandidateProcedure> candidates) {
        Map<LineKey, ServiceRequest> current = current(booked, candidates);
        List<ServiceRequest> ordered = new ArrayList<>();
        for (LineKey kept : keys(previousLines)) {
            ServiceRequest service = current.remove(kept);
            if (service != null) {
                ordered.add(service);
            }
        }
        ordered.addAll(current.values());
        return List.copyOf(ordered);
    }

    private static Map<LineKey, ServiceRequest> current(
            List<BookedAppointment> booked, List<CandidateProcedure> candidates) {
        Map<LineKey, ServiceRequest> current = new LinkedHashMap<>();
        for (BookedAppointment appointment : booked) {
            current.putIfAbsent(
                    LineKey.appointment(appointment.appointmentId()),
                    ServiceRequest.appointment(appointment.appointmentId(), appointment.cpt()));
        }
        Occurrences occurrences = new Occurrences();
        for (CandidateProcedure candidate : candidates) {
            current.put(
                    LineKey.candidate(candidate.cpt(), occurrences.next(candidate.cpt())),
                    ServiceRequest.candidate(candidate.cpt()));
        }
        return current;
    }

    private static List<LineKey> keys(List<EstimateLine> lines) {
        Occurrences occurrences = new Occurrences();
        List<LineKey> keys = new ArrayList<>();
        for (EstimateLine line : lines) {
            if (line.source() == LineSource.APPOINTMENT) {
                keys.add(LineKey.appointment(line.appointmentId()));
            } else if (line.source() == LineSource.CANDIDATE_PROCEDURE) {
                keys.add(LineKey.candidate(line.cpt(), occurrences.next(line.cpt())));
            }
        }
        return keys;
    }

    /** An appointment is itself; a candidate procedure is its CPT code (and which one, if listed twice). */
    private record LineKey(LineSource source, String id, int occurrence) {

        static LineKey appointment(String appointmentId) {
            return new LineKey(LineSource.APPOINTMENT, appointmentId, 0);
        }

        static LineKey candidate(String cpt, int occurrence) {
            return new LineKey(LineSource.CANDIDATE_PROCEDURE, cpt.strip(), occurrence);
        }
    }

    private static final class Occurrences {
        private final Map<String, Integer> seen = new HashMap<>();

        int next(String cpt) {
            return seen.merge(cpt.strip(), 1, Integer::sum);
        }
    }
}
