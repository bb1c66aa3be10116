package org.carepath.scheduling.directory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Slots generated from the directory's weekly availability (wall-clock hours in America/New_York, so a DST
 * change moves the UTC times, never the opening hours), minus the slot ids already taken.
 */
public final class SlotCatalog {

    /** Written out rather than composed from key extractors: it runs for every candidate of every decision. */
    public static final Comparator<Slot> EARLIEST_FIRST = (one, other) -> {
        int byStart = one.start().compareTo(other.start());
        return byStart != 0 ? byStart : one.slotId().compareTo(other.slotId());
    };

    /** Several months of a group's provider-days (~20 slots each); the least recently searched is dropped first. */
    private static final int KEPT_PROVIDER_DAYS = 8_192;

    private final Directory directory;
    private final Map<ProviderDay, List<Slot>> slotsByProviderDay =
            Collections.synchronizedMap(new LinkedHashMap<>(1_024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ProviderDay, List<Slot>> eldest) {
                    return size() > KEPT_PROVIDER_DAYS;
                }
            });

    private record ProviderDay(String providerId, LocalDate day) {}

    public SlotCatalog(Directory directory) {
        this.directory = directory;
    }

    /** Open slots matching the query, earliest first; {@code taken} holds slot ids already booked. */
    public List<Slot> open(SlotQuery query, Set<String> taken) {
        return open(candidates(query), taken);
    }

    /** The open ones of {@code candidates}, earliest first. */
    public List<Slot> open(List<Slot> candidates, Set<String> taken) {
        List<Slot> open = new ArrayList<>();
        for (Slot slot : candidates) {
            if (!taken.contains(slot.slotId())) {
                open.add(slot);
            }
        }
        // each provider's slots come in order, so this sort merges runs rather than sorting from scratch
        open.sort(EARLIEST_FIRST);
        return open;
    }

    /** Every slot matching the query, taken or not: each provider's slots earliest first, one provider after another. */
    public List<Slot> candidates(SlotQuery query) {
        List<Slot> candidates = new ArrayList<>();
        for (Provider provider : directory.providersOffering(query.specialty(), query.modality())) {
            if (query.regions().contains(directory.siteOf(provider).region())) {
                candidates.addAll(slotsOf(provider, query.from(), query.to()));
            }
        }
        return candidates;
    }

    /** Every slot of one provider whose start lies in {@code [from, to)}, earliest first, taken or not. */
    public List<Slot> slotsOf(Provider provider, Instant from, Instant to) {
        List<Slot> slots = new ArrayList<>();
        LocalDate last = ClinicTime.dateOf(to);
        for (LocalDate day = ClinicTime.dateOf(from); !day.isAfter(last); day = day.plusDays(1)) {
            for (Slot slot : slotsOn(provider, day)) {
                if (!slot.start().isBefore(from) && slot.start().isBefore(to)) {
                    slots.add(slot);
                }
            }
        }
        return List.copyOf(slots);
    }

    /**
     * A provider's slots of one clinic day, made once and kept: every decision searches the same weeks, and making
     * their slots and ids again for each one was most of scheduling's CPU once they were all taken (issue 8). The
     * same id instances also make the holders' lookups by id cheap.
     */
    private List<Slot> slotsOn(Provider provider, LocalDate day) {
        return slotsByProviderDay.computeIfAbsent(new ProviderDay(provider.id(), day), key -> generated(provider, day));
    }

    private List<Slot> generated(Provider provider, LocalDate day) {
        Site site = directory.siteOf(provider);
        Duration length = provider.slotLength();
        List<Slot> slots = new ArrayList<>();
        for (AvailabilityWindow window : provider.availability()) {
            if (!window.isOn(day.getDayOfWeek())) {
                continue;
            }
            Instant opens =
                    ZonedDateTime.of(day, window.from(), ClinicTime.ZONE).toInstant();
            Instant closes = ZonedDateTime.of(day, window.to(), ClinicTime.ZONE).toInstant();
            for (Instant start = opens; !start.plus(length).isAfter(closes); start = start.plus(length)) {
                slots.add(slot(provider, site, start, length));
            }
        }
        slots.sort(EARLIEST_FIRST);
        return List.copyOf(slots);
    }

    /**
     * The slot a slot id names, if its provider is in the directory and the start is on that provider's grid
     * (a slot id a client made up, or one from a replaced directory, resolves to nothing).
     */
    public Optional<Slot> resolve(String slotId) {
        SlotId id;
        try {
            id = SlotId.parse(slotId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return directory
                .provider(id.providerId())
                .flatMap(provider -> slotsOf(provider, id.start(), id.start().plusSeconds(1)).stream()
                        .findFirst());
    }

    private static Slot slot(Provider provider, Site site, Instant start, Duration length) {
        return new Slot(
                new SlotId(provider.id(), start).value(),
                provider.id(),
                site.id(),
                site.region(),
                provider.specialty(),
                provider.modality(),
                start,
                start.plus(length));
    }
}
