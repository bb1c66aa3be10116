package org.carepath.platform.audit;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Names the episode of a request whose path does not: a new report, a booking, a FHIR DiagnosticReport. The
 * controller calls it once it knows the id; the audit record of the request then carries it.
 */
public final class AuditedEpisode {

    static final String ATTRIBUTE = AuditedEpisode.class.getName();

    private AuditedEpisode() {}

    public static void is(String episodeId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && episodeId != null) {
            request.setAttribute(ATTRIBUTE, episodeId, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** A search answered with the data of these episodes: one audit record for each. */
    public static void are(Collection<String> episodeIds) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && episodeIds != null) {
            request.setAttribute(
                    ATTRIBUTE, List.copyOf(new LinkedHashSet<>(episodeIds)), RequestAttributes.SCOPE_REQUEST);
        }
    }
}
