package org.carepath.events.audit;

import java.time.Instant;
import java.util.List;

/**
 * One request that read or changed an episode's data (HIPAA §164.312(b) audit controls). It names who asked
 * and what was asked for, never what was in it: no patient data, no request or response body.
 *
 * @param auditId unique per record
 * @param service the service that answered
 * @param subject the token's {@code sub}
 * @param clientId the OAuth client the token was issued to
 * @param roles the caller's Carepath roles
 * @param method the HTTP method
 * @param path the request path (ids only, never a query string)
 * @param episodeId the episode read or changed
 * @param at when the answer was given
 * @param status the HTTP status answered
 * @param outcome {@code ALLOWED}, {@code DENIED} (403), {@code NOT_FOUND} or {@code FAILED}
 */
public record AuditRecorded(
        String auditId,
        String service,
        String subject,
        String clientId,
        List<String> roles,
        String method,
        String path,
        String episodeId,
        Instant at,
        int status,
        String outcome) {}
