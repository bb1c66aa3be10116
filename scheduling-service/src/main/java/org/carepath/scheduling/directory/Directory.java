package org.carepath.scheduling.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.Specialty;

/**
 * The clinic group's directory: regions and their neighbours, sites, and providers with weekly availability.
 * Loaded from data ({@link DirectoryLoader}); {@link DirectoryValidator} says whether it is consistent.
 */
public record Directory(List<Region> regions, List<Adjacency> adjacency, List<Site> sites, List<Provider> providers) {

    public Directory {
        regions = List.copyOf(regions);
        adjacency = List.copyOf(adjacency);
        sites = List.copyOf(sites);
        providers = List.copyOf(providers);
    }

    public Optional<Site> site(String siteId) {
        return sites.stream().filter(site -> site.id().equals(siteId)).findFirst();
    }

    public Optional<Provider> provider(String providerId) {
        return providers.stream()
                .filter(provider -> provider.id().equals(providerId))
                .findFirst();
    }

    /** The site a provider works at; the directory is validated, so an unknown site is a programming error. */
    public Site siteOf(Provider provider) {
        return site(provider.siteId())
                .orElseThrow(() -> new IllegalStateException(
                        "provider " + provider.id() + " is at unknown site " + provider.siteId()));
    }

    public List<Provider> providersOffering(Specialty specialty, ImagingModality modality) {
        return providers.stream()
                .filter(provider -> provider.offers(specialty, modality))
                .toList();
    }

    /** The regions next to {@code region}, in the order the regions are declared. */
    public List<Region> adjacentTo(Region region) {
        return regions.stream()
                .filter(candidate -> candidate != region)
                .filter(candidate -> adjacency.stream()
                        .anyMatch(link -> link.touches(region) && link.otherThan(region) == candidate))
                .toList();
    }

    /**
     * The order in which regions are searched for a patient living in {@code home} (scheduling-rules §4.1): the
     * home region, then its neighbours, then every other region. Empty tiers are left out; with no home region
     * there is one tier of all regions.
     */
    public List<List<Region>> fallbackTiers(Region home) {
        if (home == null || !regions.contains(home)) {
            return List.of(regions);
        }
        List<Region> neighbours = adjacentTo(home);
        List<Region> others = regions.stream()
                .filter(region -> region != home && !neighbours.contains(region))
                .toList();
        List<List<Region>> tiers = new ArrayList<>();
        tiers.add(List.of(home));
        if (!neighbours.isEmpty()) {
            tiers.add(neighbours);
        }
        if (!others.isEmpty()) {
            tiers.add(others);
        }
        return List.copyOf(tiers);
    }
}
