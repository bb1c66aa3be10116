package org.carepath.billing.estimate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carepath.events.triage.CandidateProcedure;

/**
 * What an episode's estimate covers (billing-rules.md §5) and in which order its deductibles are consumed (B-ORDER):
 * one line per booked appointment, by date of service (its start, then its id), then one line per candidate
 * procedure of the latest decision, by CPT code.
 *
 * <p>Every estimate version prices the whole list again from the deductibles reported at intake. The order depends
 * on the lines alone, never on which topic's event arrived first, so the same bookings and decision always give the
 * same estimate.
 */
public final class EpisodeServices {

    public static final String RULE = "B-ORDER";

    private static final Comparator<BookedAppointment> BY_DATE_OF_SERVICE = Comparator.comparing(
                    BookedAppointment::start, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(BookedAppointment::appointmentId);

    private EpisodeServices() {}

    /**
     * @param booked the appointments booked now (cancelled ones left out), in any order
     * @param candidates the candidate procedures of the latest triage decision, in any order
     * @return the services to quote, in B-ORDER
     */
    public static List<ServiceRequest> inEstimateOrder(
            List<BookedAppointment> booked, List<CandidateProcedure> candidates) {
        Map<String, BookedAppointment> appointments = new LinkedHashMap<>();
        booked.forEach(appointment -> appointments.putIfAbsent(appointment.appointmentId(), appointment));
        List<ServiceRequest> ordered = new ArrayList<>();
        appointments.values().stream()
                .sorted(BY_DATE_OF_SERVICE)
                .map(appointment ->
                        ServiceRequest.appointment(appointment.appointmentId(), appointment.cpt(), appointment.start()))
                .forEach(ordered::add);
        candidates.stream()
                .map(candidate -> ServiceRequest.candidate(candidate.cpt()))
                .sorted(Comparator.comparing(ServiceRequest::cpt))
                .forEach(ordered::add);
        return List.copyOf(ordered);
    }
}
