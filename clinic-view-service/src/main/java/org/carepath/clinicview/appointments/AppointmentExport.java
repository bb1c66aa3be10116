package org.carepath.clinicview.appointments;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carepath.clinicview.figures.ClinicDays;
import org.carepath.clinicview.figures.DayRange;
import org.carepath.clinicview.figures.FigureReader;
import org.carepath.clinicview.figures.Values;
import org.springframework.stereotype.Service;

/**
 * Appointments per site and day, from the site-day documents (read by {@code _id}: sites × days), so an export
 * costs what it returns.
 */
@Service
public class AppointmentExport {

    private final FigureReader figures;
    private final SiteCapacity directory;

    AppointmentExport(FigureReader figures, SiteCapacity directory) {
        this.figures = figures;
        this.directory = directory;
    }

    /** Booked and cancelled appointments at {@code siteId} (null: every site) on these days, soonest first. */
    public List<ExportedAppointment> find(String siteId, DayRange days) {
        return figures.siteDayEntries(siteDayIds(siteId == null ? sites() : Set.of(siteId), days.days())).stream()
                .map(AppointmentExport::exported)
                .sorted(Comparator.comparing(ExportedAppointment::start)
                        .thenComparing(ExportedAppointment::appointmentId))
                .toList();
    }

    /** The directory's sites and any other an appointment was booked at. */
    public Set<String> sites() {
        Set<String> sites = new LinkedHashSet<>();
        directory.sites().forEach(site -> sites.add(site.siteId()));
        figures.knownSites().forEach(site -> sites.add(Values.text(site, "siteId")));
        return sites;
    }

    private static List<String> siteDayIds(Set<String> sites, List<LocalDate> days) {
        return sites.stream()
                .flatMap(site -> days.stream().map(day -> ClinicDays.siteDayId(site, day)))
                .toList();
    }

    static ExportedAppointment exported(Map<String, Object> entry) {
        return new ExportedAppointment(
                Values.text(entry, "appointmentId"),
                Values.text(entry, "episodeId"),
                Values.text(entry, "type"),
                Values.text(entry, "specialty"),
                Values.text(entry, "providerId"),
                Values.text(entry, "siteId"),
                Values.text(entry, "region"),
                Values.instant(entry, "start"),
                Values.instant(entry, "end"),
                Values.text(entry, "status"));
    }
}
