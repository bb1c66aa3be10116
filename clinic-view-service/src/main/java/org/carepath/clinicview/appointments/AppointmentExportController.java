package org.carepath.clinicview.appointments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.carepath.clinicview.figures.ClinicDays;
import org.carepath.clinicview.figures.DayRange;
import org.carepath.platform.web.InvalidFieldException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CONTRACT.md "Clinic view": the system-level appointment export. Without {@code from}, the next 14 days. */
@RestController
@RequestMapping("/api/v1/appointments")
class AppointmentExportController {

    private final AppointmentExport export;
    private final Clock clock;

    AppointmentExportController(AppointmentExport export, Clock clock) {
        this.export = export;
        this.clock = clock;
    }

    @GetMapping
    List<ExportedAppointment> appointments(
            @RequestParam(required = false) String siteId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        LocalDate today = ClinicDays.dateOf(clock.instant());
        DayRange days = DayRange.parse(from, to, today, today.plusDays(13));
        String site = siteId == null || siteId.isBlank() ? null : siteId.trim();
        if (site != null && !export.sites().contains(site)) {
            throw new InvalidFieldException("siteId", "is not a site of the directory");
        }
        return export.find(site, days);
    }
}
