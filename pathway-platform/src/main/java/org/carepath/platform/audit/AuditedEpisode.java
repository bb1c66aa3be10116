package org.carepath.platform.audit;

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
}
