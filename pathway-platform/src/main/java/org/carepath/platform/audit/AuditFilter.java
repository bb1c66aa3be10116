package org.carepath.platform.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carepath.events.audit.AuditRecorded;
import org.carepath.platform.security.AccessRules;
import org.carepath.platform.security.Caller;
import org.carepath.platform.security.PatientRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes one audit record for every request that reads or changes an episode's data ({@code episodeData} rows of
 * the access table), allowed, denied (401, 403, a patient's 404) or failed (5xx), once its answer is known. A
 * request refused for its content (400, 409, 413, 422) read and changed nothing and is not recorded. It runs inside the security chain, after the token
 * is verified and before authorization answers, so it knows who asked and sees a 403 or 404 as well as a 2xx.
 */
public class AuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);

    private final AccessRules rules;
    private final AuditTrail trail;
    private final PatientRecords records;
    private final Clock clock;
    private final String service;

    public AuditFilter(AccessRules rules, AuditTrail trail, PatientRecords records, Clock clock, String service) {
        this.rules = rules;
        this.trail = trail;
        this.records = records;
        this.clock = clock;
        this.service = service;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<AccessRules.Match> match =
                rules.match(request).filter(found -> found.rule().episodeData());
        Optional<Caller> caller = Caller.current();
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            if (match.isPresent()) {
                record(request, match.get(), caller, status);
            }
        }
    }

    private void record(HttpServletRequest request, AccessRules.Match match, Optional<Caller> caller, int status) {
        if (isRefusedRequest(status)) {
            // A request refused for what it said (400, 409, 413, 422) neither read nor changed anything.
            return;
        }
        List<String> episodeIds = episodesOf(request, match);
        if (episodeIds.isEmpty()) {
            // A rejected report or booking names no episode: there is no episode's data to account for.
            return;
        }
        for (String episodeId : episodeIds) {
            String auditId = UUID.randomUUID().toString();
            try {
                trail.record(new AuditRecorded(
                        auditId,
                        service,
                        caller.map(Caller::subject).orElse(""),
                        caller.map(Caller::clientId).orElse(""),
                        caller.map(Caller::roleNames).orElse(List.of()),
                        request.getMethod(),
                        request.getRequestURI(),
                        episodeId,
                        clock.instant(),
                        status,
                        outcomeOf(status)));
            } catch (RuntimeException e) {
                log.error("audit record {} for episode {} could not be stored", auditId, episodeId, e);
            }
        }
    }

    /** The episodes a request read or changed: those it named, else the one in its path. */
    @SuppressWarnings("unchecked")
    private List<String> episodesOf(HttpServletRequest request, AccessRules.Match match) {
        if (request.getAttribute(AuditedEpisode.ATTRIBUTE) instanceof List<?> searched) {
            return (List<String>) searched;
        }
        return episodeOf(request, match).map(List::of).orElse(List.of());
    }

    private Optional<String> episodeOf(HttpServletRequest request, AccessRules.Match match) {
        Object named = request.getAttribute(AuditedEpisode.ATTRIBUTE);
        if (named instanceof String episodeId) {
            return Optional.of(episodeId);
        }
        String inPath = match.variables().get("episodeId");
        if (inPath != null) {
            return Optional.of(inPath);
        }
        String appointmentId = match.variables().get("appointmentId");
        return appointmentId == null ? Optional.empty() : records.episodeOfAppointment(appointmentId);
    }

    static boolean isRefusedRequest(int status) {
        return status >= 400
                && status < 500
                && status != HttpServletResponse.SC_UNAUTHORIZED
                && status != HttpServletResponse.SC_FORBIDDEN
                && status != HttpServletResponse.SC_NOT_FOUND;
    }

    static String outcomeOf(int status) {
        if (status == HttpServletResponse.SC_FORBIDDEN || status == HttpServletResponse.SC_UNAUTHORIZED) {
            return "DENIED";
        }
        if (status == HttpServletResponse.SC_NOT_FOUND) {
            return "NOT_FOUND";
        }
        return status < 400 ? "ALLOWED" : "FAILED";
    }
}
