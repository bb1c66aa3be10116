package org.carepath.clinicview.overview;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** CONTRACT.md "Clinic view": the dashboard's figures. Counts, ids and timings; never a name, phone or MRN. */
public record Overview(
        Instant generatedAt,
        LocalDate from,
        LocalDate to,
        DispositionCounts today,
        DispositionCounts week,
        DispositionCounts range,
        List<Emergency> openEmergencies,
        AppointmentGrid appointments,
        List<WaitlistCount> waitlist,
        int waitlistTotal,
        FollowUpCounts followUps,
        List<PayerEstimates> estimates,
        List<DeadLetterCount> deadLetters) {

    /** Episodes reported on these days, by their current disposition ({@code AWAITING_TRIAGE} before one). */
    public record DispositionCounts(LocalDate from, LocalDate to, int episodes, Map<String, Integer> byDisposition) {}

    /** An episode still at EMERGENCY whose decision is less than 24 hours old, with the rules that sent it. */
    public record Emergency(String episodeId, String region, Instant decidedAt, List<String> rules) {}

    public record AppointmentGrid(List<LocalDate> days, List<SiteRow> sites) {}

    public record SiteRow(String siteId, String name, String kind, String region, List<SiteDay> days) {}

    /** Booked appointments of a site on a day; utilisation = booked minutes / provider minutes (null when closed). */
    public record SiteDay(
            LocalDate date, int booked, long bookedMinutes, long capacityMinutes, BigDecimal utilisation) {}

    public record WaitlistCount(String specialty, String region, int count) {}

    /** Follow-ups falling due in the range: still due (pending), sent, or cancelled (MSG-STALE, an appointment gone). */
    public record FollowUpCounts(int due, int sent, int cancelled) {}

    /** Episodes reported in the range with an estimate, by primary payer, and what their patients would pay. */
    public record PayerEstimates(String payer, int episodes, BigDecimal patientPays) {}

    public record DeadLetterCount(String topic, int count, Instant oldest) {}
}
