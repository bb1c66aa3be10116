package org.carepath.billing.estimate;

import java.util.Arrays;
import java.util.List;

/** Object Mother: services asked for in a quote. */
final class Services {

    private Services() {}

    static List<ServiceRequest> of(String... cpts) {
        return Arrays.stream(cpts).map(cpt -> ServiceRequest.requested(cpt, 1)).toList();
    }
}
