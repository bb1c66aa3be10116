package org.carepath.clinicview.overview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.carepath.clinicview.appointments.AppointmentExport;
import org.carepath.clinicview.appointments.ExportedAppointment;
import org.carepath.clinicview.appointments.SiteCapacity;
import org.carepath.clinicview.episode.EpisodeStatus;
import org.carepath.clinicview.figures.ClinicDays;
import org.carepath.clinicview.figures.DayRange;
import org.carepath.clinicview.figures.FigureReader;
import org.carepath.clinicview.figures.Values;
import org.carepath.clinicview.overview.Overview.AppointmentGrid;
import org.carepath.clinicview.overview.Overview.DeadLetterCount;
import org.carepath.clinicview.overview.Overview.DispositionCounts;
import org.carepath.clinicview.overview.Overview.Emergency;
import org.carepath.clinicview.overview.Overview.FollowUpCounts;
import org.carepath.clinicview.overview.Overview.PayerEstimates;
import org.carepath.clinicview.overview.Overview.SiteDay;
import org.carepath.clinicview.overview.Overview.SiteRow;
import org.carepath.clinicview.overview.Overview.WaitlistCount;
import org.carepath.events.scheduling.Specialty;
import org.carepath.events.triage.Disposition;
import org.springframework.stereotype.Service;

/**
 * The dashboard's figures, counted from the entries of the figures documents of the days shown: a bounded number
 * of reads by {@code _id} (the range's days, this week's, 14 days × sites, one per specialty).
 */
@Service
public class ClinicOverview {

    static final int GRID_DAYS = 14;
    private static final Duration EMERGENCY_WINDOW = Duration.ofHours(24);

    private final FigureReader figures;
    private final AppointmentExport appointments;
    private final SiteCapacity directory;
    private final Clock clock;

    ClinicOverview(FigureReader figures, AppointmentExport appointments, SiteCapacity directory, Clock clock) {
        this.figures = figures;
        this.appointments = appointments;
        this.directory = directory;
        this.clock = clock;
    }

    public Overview of(DayRange range) {
        Instant now = clock.instant();
        LocalDate today = ClinicDays.dateOf(now);
        DayRange week = new DayRange(today.with(DayOfWeek.MONDAY), today);
        List<Map<String, Object>> rangeEpisodes = figures.dayEntries(range.days(), "episodes");
        List<Map<String, Object>> waiting = waitlistEntries();
        return new Overview(
                now,
                range.from(),
                range.to(),
                dispositions(new DayRange(today, today), figures.dayEntries(List.of(today), "episodes")),
                dispositions(week, figures.dayEntries(week.days(), "episodes")),
                dispositions(range, rangeEpisodes),
                openEmergencies(now, today),
                grid(today),
                waitlist(waiting),
                waiting.size(),
                followUps(range),
                estimates(rangeEpisodes),
                deadLetters(range));
    }

    private static DispositionCounts dispositions(DayRange days, List<Map<String, Object>> episodes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Arrays.stream(Disposition.values()).forEach(disposition -> counts.put(disposition.name(), 0));
        counts.put(EpisodeStatus.AWAITING_TRIAGE.name(), 0);
        for (Map<String, Object> episode : episodes) {
            String disposition = Values.text(episode, "disposition");
            counts.merge(disposition == null ? EpisodeStatus.AWAITING_TRIAGE.name() : disposition, 1, Integer::sum);
        }
        return new DispositionCounts(days.from(), days.to(), episodes.size(), counts);
    }

    private List<Emergency> openEmergencies(Instant now, LocalDate today) {
        Instant since = now.minus(EMERGENCY_WINDOW);
        return figures.dayEntries(List.of(today.minusDays(1), today), "emergencies").stream()
                .map(entry -> new Emergency(
                        Values.text(entry, "episodeId"),
                        Values.text(entry, "region"),
                        Values.instant(entry, "decidedAt"),
                        Values.texts(entry, "rules")))
                .filter(emergency ->
                        emergency.decidedAt() != null && !emergency.decidedAt().isBefore(since))
                .sorted(Comparator.comparing(Emergency::decidedAt).reversed())
                .toList();
    }

    private AppointmentGrid grid(LocalDate today) {
        DayRange days = new DayRange(today, today.plusDays(GRID_DAYS - 1));
        Map<String, Map<LocalDate, List<ExportedAppointment>>> booked = new LinkedHashMap<>();
        appointments.find(null, days).stream()
                .filter(appointment -> "BOOKED".equals(appointment.status()))
                .forEach(appointment -> booked.computeIfAbsent(appointment.siteId(), site -> new TreeMap<>())
                        .computeIfAbsent(ClinicDays.dateOf(appointment.start()), day -> new ArrayList<>())
                        .add(appointment));
        Map<String, SiteCapacity.Site> known = new LinkedHashMap<>();
        directory.sites().forEach(site -> known.put(site.siteId(), site));
        List<SiteRow> rows = new ArrayList<>();
        for (String siteId : appointments.sites()) {
            SiteCapacity.Site site = known.getOrDefault(siteId, new SiteCapacity.Site(siteId, siteId, null, null));
            List<SiteDay> cells = new ArrayList<>();
            for (LocalDate day : days.days()) {
                List<ExportedAppointment> ofDay =
                        booked.getOrDefault(siteId, Map.of()).getOrDefault(day, List.of());
                long minutes = ofDay.stream()
                        .filter(appointment -> appointment.end() != null)
                        .mapToLong(appointment -> Duration.between(appointment.start(), appointment.end())
                                .toMinutes())
                        .sum();
                long capacity = directory.minutes(siteId, day);
                BigDecimal utilisation = capacity == 0
                        ? null
                        : BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(capacity), 3, RoundingMode.HALF_UP);
                cells.add(new SiteDay(day, ofDay.size(), minutes, capacity, utilisation));
            }
            rows.add(new SiteRow(site.siteId(), site.name(), site.kind(), site.region(), cells));
        }
        return new AppointmentGrid(days.days(), rows);
    }

    private List<Map<String, Object>> waitlistEntries() {
        return figures.waitlistEntries(
                Arrays.stream(Specialty.values()).map(Specialty::name).toList());
    }

    private static List<WaitlistCount> waitlist(List<Map<String, Object>> waiting) {
        Map<List<String>, Integer> counts = new TreeMap<>(
                Comparator.comparing((List<String> key) -> key.get(0)).thenComparing(key -> key.get(1)));
        for (Map<String, Object> entry : waiting) {
            List<String> key = List.of(
                    Objects.toString(Values.text(entry, "specialty"), "UNKNOWN"),
                    Objects.toString(Values.text(entry, "region"), "UNKNOWN"));
            counts.merge(key, 1, Integer::sum);
        }
        List<WaitlistCount> waitlist = new ArrayList<>();
        counts.forEach((key, count) -> waitlist.add(new WaitlistCount(key.get(0), key.get(1), count)));
        return waitlist;
    }

    private FollowUpCounts followUps(DayRange range) {
        int due = 0;
        int sent = 0;
        int cancelled = 0;
        for (Map<String, Object> followUp : figures.dayEntries(range.days(), "followUps")) {
            String status = Values.text(followUp, "status");
            if ("SENT".equals(status)) {
                sent++;
            } else if ("CANCELLED".equals(status)) {
                cancelled++;
            } else {
                due++;
            }
        }
        return new FollowUpCounts(due, sent, cancelled);
    }

    private static List<PayerEstimates> estimates(List<Map<String, Object>> episodes) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, BigDecimal> patientPays = new TreeMap<>();
        for (Map<String, Object> episode : episodes) {
            String payer = Values.text(episode, "payer");
            if (payer == null) {
                continue;
            }
            counts.merge(payer, 1, Integer::sum);
            BigDecimal pays = Values.money(episode, "patientPays");
            patientPays.merge(payer, pays == null ? BigDecimal.ZERO : pays, BigDecimal::add);
        }
        List<PayerEstimates> estimates = new ArrayList<>();
        counts.forEach((payer, count) -> estimates.add(
                new PayerEstimates(payer, count, patientPays.get(payer).setScale(2, RoundingMode.HALF_UP))));
        return estimates;
    }

    private List<DeadLetterCount> deadLetters(DayRange range) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Instant> oldest = new TreeMap<>();
        for (Map<String, Object> deadLetter : figures.dayEntries(range.days(), "deadLetters")) {
            String topic = Objects.toString(Values.text(deadLetter, "topic"), "unknown");
            counts.merge(topic, 1, Integer::sum);
            Instant at = Values.instant(deadLetter, "at");
            if (at != null) {
                oldest.merge(topic, at, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<DeadLetterCount> deadLetters = new ArrayList<>();
        counts.forEach((topic, count) -> deadLetters.add(new DeadLetterCount(topic, count, oldest.get(topic))));
        return deadLetters;
    }
}
