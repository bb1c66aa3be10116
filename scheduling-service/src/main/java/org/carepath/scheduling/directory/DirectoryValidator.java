package org.carepath.scheduling.directory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.Specialty;

/** Checks that a directory is consistent: known regions and sites, unique ids, sensible weekly hours. */
public final class DirectoryValidator {

    private DirectoryValidator() {}

    /** Every problem of the directory, each naming the region, site or provider it is about; empty if valid. */
    public static List<String> problemsOf(Directory directory) {
        Problems problems = new Problems();
        check(directory, problems);
        return problems.all();
    }

    public static Directory requireValid(Directory directory, String source) {
        List<String> problems = problemsOf(directory);
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryException(source, problems);
        }
        return directory;
    }

    static void check(Directory directory, Problems problems) {
        checkRegions(directory, problems);
        checkAdjacency(directory, problems);
        checkSites(directory, problems);
        checkProviders(directory, problems);
    }

    private static void checkRegions(Directory directory, Problems problems) {
        if (directory.regions().isEmpty()) {
            problems.add("regions", "list", "no region is declared");
        }
        Set<Region> seen = new HashSet<>();
        for (int i = 0; i < directory.regions().size(); i++) {
            Region region = directory.regions().get(i);
            if (region == null) {
                problems.add("regions[" + i + "]", "value", "region is missing");
            } else if (!seen.add(region)) {
                problems.add("regions[" + i + "]", "value", "region " + region + " is declared twice");
            }
        }
    }

    private static void checkAdjacency(Directory directory, Problems problems) {
        for (int i = 0; i < directory.adjacency().size(); i++) {
            Adjacency link = directory.adjacency().get(i);
            String place = "adjacency[" + i + "]";
            requireDeclared(directory, link.one(), place, "first region", problems);
            requireDeclared(directory, link.other(), place, "second region", problems);
            if (link.one() != null && link.one() == link.other()) {
                problems.add(place, "pair", "region " + link.one() + " cannot be adjacent to itself");
            }
        }
    }

    private static void checkSites(Directory directory, Problems problems) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < directory.sites().size(); i++) {
            Site site = directory.sites().get(i);
            String place = isBlank(site.id()) ? "sites[" + i + "]" : "site '" + site.id() + "'";
            if (isBlank(site.id())) {
                problems.add(place, "id", "id is missing");
            } else if (!ids.add(site.id())) {
                problems.add(place + " (sites[" + i + "])", "id", "id is used by another site");
            }
            if (isBlank(site.name())) {
                problems.add(place, "name", "name is missing");
            }
            if (site.kind() == null) {
                problems.add(place, "kind", "kind is missing (CLINIC or HOSPITAL)");
            }
            requireDeclared(directory, site.region(), place, "region", problems);
        }
    }

    private static void checkProviders(Directory directory, Problems problems) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < directory.providers().size(); i++) {
            Provider provider = directory.providers().get(i);
            String place = isBlank(provider.id()) ? "providers[" + i + "]" : "provider '" + provider.id() + "'";
            checkProviderId(provider, ids, place, i, problems);
            if (isBlank(provider.name())) {
                problems.add(place, "name", "name is missing");
            }
            checkSpecialty(provider, place, problems);
            if (isBlank(provider.siteId())) {
                problems.add(place, "siteId", "siteId is missing");
            } else if (directory.site(provider.siteId()).isEmpty()) {
                problems.add(place, "siteId", "site '" + provider.siteId() + "' is unknown");
            }
            checkAvailability(provider, place, problems);
        }
    }

    private static void checkProviderId(Provider provider, Set<String> ids, String place, int i, Problems problems) {
        if (isBlank(provider.id())) {
            problems.add(place, "id", "id is missing");
        } else if (provider.id().indexOf(SlotId.SEPARATOR) >= 0
                || provider.id().chars().anyMatch(Character::isWhitespace)) {
            problems.add(place, "id", "id must not contain '" + SlotId.SEPARATOR + "' or spaces (it starts slot ids)");
        } else if (!ids.add(provider.id())) {
            problems.add(place + " (providers[" + i + "])", "id", "id is used by another provider");
        }
    }

    private static void checkSpecialty(Provider provider, String place, Problems problems) {
        if (provider.specialty() == null) {
            problems.add(place, "specialty", "specialty is missing");
        } else if (provider.specialty() == Specialty.IMAGING && provider.modality() == null) {
            problems.add(place, "modality", "an IMAGING room needs a modality (XRAY, MRI or CT)");
        } else if (provider.specialty() != Specialty.IMAGING && provider.modality() != null) {
            problems.add(place, "modality", "only IMAGING rooms have a modality, not " + provider.specialty());
        }
    }

    private static void checkAvailability(Provider provider, String place, Problems problems) {
        List<AvailabilityWindow> windows = provider.availability();
        if (windows.isEmpty()) {
            problems.add(place, "availability", "availability is empty");
        }
        for (int w = 0; w < windows.size(); w++) {
            AvailabilityWindow window = windows.get(w);
            String field = "availability[" + w + "]";
            if (window.days().isEmpty()) {
                problems.add(place, field + ".days", field + " has no days");
            }
            if (window.from() == null || window.to() == null) {
                problems.add(place, field + ".from", field + " needs both 'from' and 'to'");
            } else if (!window.from().isBefore(window.to())) {
                problems.add(
                        place,
                        field + ".from",
                        field + " has a bad time range " + window.from() + "–" + window.to()
                                + " ('from' must be before 'to')");
            } else if (provider.specialty() != null
                    && (provider.specialty() != Specialty.IMAGING || provider.modality() != null)
                    && window.from().plus(provider.slotLength()).isAfter(window.to())) {
                problems.add(place, field + ".to", field + " is shorter than one " + provider.slotLength() + " slot");
            }
            for (int earlier = 0; earlier < w; earlier++) {
                if (isComplete(window) && isComplete(windows.get(earlier)) && window.overlaps(windows.get(earlier))) {
                    problems.add(place, field + ".overlap", field + " overlaps availability[" + earlier + "]");
                }
            }
        }
    }

    private static boolean isComplete(AvailabilityWindow window) {
        return window.from() != null && window.to() != null && window.from().isBefore(window.to());
    }

    private static void requireDeclared(
            Directory directory, Region region, String place, String field, Problems problems) {
        if (region == null) {
            problems.add(place, field, field + " is missing");
        } else if (!directory.regions().contains(region)) {
            problems.add(place, field, "region " + region + " is not declared in 'regions'");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
