package org.carepath.clinicview.fhir;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** Bundles of type searchset: {@code $everything} and the searches, with self/next/previous links for paging. */
final class FhirBundles {

    private FhirBundles() {}

    /** The episode's resources: the EpisodeOfCare is the match, the rest are included. */
    static Bundle everything(String base, String selfUrl, List<Resource> resources, Instant now) {
        Bundle bundle = bundle(selfUrl, now);
        bundle.setTotal(resources.isEmpty() ? 0 : 1);
        boolean first = true;
        for (Resource resource : resources) {
            entry(bundle, base, resource, first ? Bundle.SearchEntryMode.MATCH : Bundle.SearchEntryMode.INCLUDE);
            first = false;
        }
        return bundle;
    }

    /**
     * One page of a search's matches. {@code pageUrl} gives the URL of the page at an offset (the search's
     * parameters with {@code _offset} and {@code _count}).
     */
    static Bundle page(
            String base,
            List<? extends Resource> matches,
            List<? extends Resource> included,
            int total,
            int offset,
            int count,
            java.util.function.IntFunction<String> pageUrl,
            Instant now) {
        Bundle bundle = bundle(pageUrl.apply(offset), now);
        bundle.setTotal(total);
        if (offset + count < total) {
            bundle.addLink().setRelation("next").setUrl(pageUrl.apply(offset + count));
        }
        if (offset > 0) {
            bundle.addLink().setRelation("previous").setUrl(pageUrl.apply(Math.max(0, offset - count)));
        }
        if (total > 0) {
            bundle.addLink().setRelation("first").setUrl(pageUrl.apply(0));
        }
        matches.forEach(resource -> entry(bundle, base, resource, Bundle.SearchEntryMode.MATCH));
        included.forEach(resource -> entry(bundle, base, resource, Bundle.SearchEntryMode.INCLUDE));
        return bundle;
    }

    private static Bundle bundle(String selfUrl, Instant now) {
        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.getMeta().setLastUpdatedElement(FhirTime.instant(now));
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTimestampElement(FhirTime.instant(now));
        bundle.addLink().setRelation("self").setUrl(selfUrl);
        return bundle;
    }

    private static void entry(Bundle bundle, String base, Resource resource, Bundle.SearchEntryMode mode) {
        bundle.addEntry()
                .setFullUrl(base + "/" + resource.fhirType() + "/"
                        + resource.getIdElement().getIdPart())
                .setResource(resource)
                .getSearch()
                .setMode(mode);
    }
}
