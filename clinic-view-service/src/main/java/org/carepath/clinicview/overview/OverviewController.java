package org.carepath.clinicview.overview;

import java.time.Clock;
import java.time.LocalDate;
import org.carepath.clinicview.figures.ClinicDays;
import org.carepath.clinicview.figures.DayRange;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CONTRACT.md "Clinic view": the dashboard's figures as JSON. Without {@code from}/{@code to}, today. */
@RestController
class OverviewController {

    private final ClinicOverview overview;
    private final Clock clock;

    OverviewController(ClinicOverview overview, Clock clock) {
        this.overview = overview;
        this.clock = clock;
    }

    @GetMapping("/api/v1/overview")
    Overview overview(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate today = ClinicDays.dateOf(clock.instant());
        return overview.of(DayRange.parse(from, to, today, today));
    }
}
