package org.carepath.scheduling.adapters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.carepath.scheduling.SchedulingProperties;
import org.carepath.scheduling.booking.DirectoryOpenSlots;
import org.carepath.scheduling.booking.OpenSlots;
import org.carepath.scheduling.directory.Directory;
import org.carepath.scheduling.directory.Slot;
import org.carepath.scheduling.directory.SlotCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Slots", description = "Open slots of the clinic group's directory")
class SlotController {

    private final Directory directory;
    private final SlotCatalog catalog;
    private final SlotClaims claims;
    private final Clock clock;
    private final SlotSearch.Limits limits;

    SlotController(
            Directory directory, SlotCatalog catalog, SlotClaims claims, Clock clock, SchedulingProperties properties) {
        this.directory = directory;
        this.catalog = catalog;
        this.claims = claims;
        this.clock = clock;
        this.limits = new SlotSearch.Limits(
                properties.slotSearchDefaultDays(), properties.slotSearchMaxDays(), properties.slotSearchHorizonDays());
    }

    @GetMapping("/api/v1/slots")
    @Operation(summary = "Open slots, earliest first")
    List<SlotView> slots(
            @Parameter(description = "ORTHOPEDIC_SPINE, SPINE_SURGEON, PHYSICAL_THERAPY, REHABILITATION or IMAGING")
                    @RequestParam(required = false)
                    String specialty,
            @Parameter(description = "XRAY, MRI or CT (IMAGING only; all when left out)")
                    @RequestParam(required = false)
                    String modality,
            @Parameter(description = "one region or several, comma-separated; all when left out")
                    @RequestParam(required = false)
                    String region,
            @Parameter(description = "UTC instant or date; default now") @RequestParam(required = false) String from,
            @Parameter(description = "UTC instant or date (inclusive); default 14 days after from, at most 31")
                    @RequestParam(required = false)
                    String to,
            @Parameter(description = "at most this many slots, 1–1000; default 100") @RequestParam(required = false)
                    Integer limit) {
        SlotSearch search = SlotSearch.parse(
                specialty, modality, region, from, to, limit, directory.regions(), clock.instant(), limits);
        OpenSlots open = new DirectoryOpenSlots(catalog, slotIds -> claims.takenAmong(slotIds, Set.of()));
        return search.queries().stream()
                .flatMap(query -> open.find(query).stream())
                .sorted(Comparator.comparing(Slot::start).thenComparing(Slot::slotId))
                .limit(search.limit())
                .map(SlotView::of)
                .toList();
    }
}
