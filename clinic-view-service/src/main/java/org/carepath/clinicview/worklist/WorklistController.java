package org.carepath.clinicview.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.carepath.clinicview.episode.EpisodeStatus;
import org.carepath.clinicview.figures.ClinicDays;
import org.carepath.clinicview.figures.DayRange;
import org.carepath.events.intake.Region;
import org.carepath.events.triage.Disposition;
import org.carepath.platform.web.InvalidFieldException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CONTRACT.md "Clinic view": the episode worklist. Without {@code from}, the last 7 clinic days. */
@RestController
@RequestMapping("/api/v1/episodes")
class WorklistController {

    private final Worklist worklist;
    private final Clock clock;

    WorklistController(Worklist worklist, Clock clock) {
        this.worklist = worklist;
        this.clock = clock;
    }

    @GetMapping
    WorklistPage episodes(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String disposition,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || page > 10_000) {
            throw new InvalidFieldException("page", "must be between 0 and 10000");
        }
        if (size < 1 || size > WorklistQuery.MAX_SIZE) {
            throw new InvalidFieldException("size", "must be between 1 and " + WorklistQuery.MAX_SIZE);
        }
        LocalDate today = ClinicDays.dateOf(clock.instant());
        DayRange days = DayRange.parse(from, to, today.minusDays(6), today);
        return worklist.find(new WorklistQuery(
                parse("status", status, EpisodeStatus.class),
                parse("disposition", disposition, Disposition.class),
                parse("region", region, Region.class),
                days,
                page,
                size));
    }

    static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
