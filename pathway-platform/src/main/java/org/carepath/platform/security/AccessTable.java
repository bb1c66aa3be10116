package org.carepath.platform.security;

import static org.carepath.platform.security.AccessRule.allow;
import static org.carepath.platform.security.AccessRule.anyRole;
import static org.carepath.platform.security.AccessRule.episode;
import static org.carepath.platform.security.AccessRule.open;
import static org.carepath.platform.security.Ownership.APPOINTMENT_IN_PATH;
import static org.carepath.platform.security.Ownership.EPISODE_IN_BODY;
import static org.carepath.platform.security.Ownership.EPISODE_IN_PATH;
import static org.carepath.platform.security.Ownership.NONE;
import static org.carepath.platform.security.Role.ADMIN;
import static org.carepath.platform.security.Role.CLINICIAN;
import static org.carepath.platform.security.Role.INTEGRATION;
import static org.carepath.platform.security.Role.OPERATIONS;
import static org.carepath.platform.security.Role.STAFF;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;

/**
 * Who may call what, for every service: CONTRACT.md "Access" as one table. A request that no row matches is
 * denied, and a service whose controllers serve an endpoint with no row here does not start
 * ({@link AccessTableCoverage}), so a new endpoint cannot be left open by accident. The first matching row wins.
 */
public final class AccessTable {

    public static final List<AccessRule> RULES = List.of(
            // Probes and the FHIR CapabilityStatement are open; nothing writable is exposed on the actuator.
            open(GET, "/actuator/health"),
            open(GET, "/actuator/health/**"),
            open(GET, "/fhir/r4/metadata"),
            allow(GET, "/actuator/prometheus", OPERATIONS),
            allow(GET, "/actuator/**", OPERATIONS, ADMIN),
            anyRole(GET, "/v3/api-docs"),
            anyRole(GET, "/v3/api-docs/**"),
            anyRole(GET, "/v3/api-docs.yaml"),
            anyRole(GET, "/swagger-ui.html"),
            anyRole(GET, "/swagger-ui/**"),

            // intake-service
            episode(POST, "/api/v1/episodes", NONE, CLINICIAN, STAFF),
            episode(GET, "/api/v1/episodes/{episodeId}", EPISODE_IN_PATH, CLINICIAN, STAFF),
            episode(POST, "/api/v1/episodes/{episodeId}/check-ins", EPISODE_IN_PATH, CLINICIAN),
            episode(POST, "/api/v1/episodes/{episodeId}/findings", NONE, CLINICIAN, INTEGRATION),

            // triage-service
            episode(GET, "/api/v1/episodes/{episodeId}/triage", EPISODE_IN_PATH, CLINICIAN, STAFF),
            episode(GET, "/api/v1/episodes/{episodeId}/triage/history", EPISODE_IN_PATH, CLINICIAN, STAFF),

            // scheduling-service
            episode(GET, "/api/v1/episodes/{episodeId}/appointments", EPISODE_IN_PATH, CLINICIAN, STAFF),
            episode(GET, "/api/v1/episodes/{episodeId}/follow-ups", EPISODE_IN_PATH, CLINICIAN, STAFF),
            episode(GET, "/api/v1/episodes/{episodeId}/waitlist", EPISODE_IN_PATH, CLINICIAN, STAFF),
            allow(GET, "/api/v1/slots", Role.PATIENT, STAFF),
            episode(POST, "/api/v1/appointments", EPISODE_IN_BODY, STAFF),
            episode(GET, "/api/v1/appointments/{appointmentId}", APPOINTMENT_IN_PATH, CLINICIAN, STAFF),
            episode(POST, "/api/v1/appointments/{appointmentId}/reschedule", APPOINTMENT_IN_PATH, STAFF),
            episode(POST, "/api/v1/appointments/{appointmentId}/cancel", APPOINTMENT_IN_PATH, STAFF),

            // billing-service
            episode(GET, "/api/v1/episodes/{episodeId}/estimate", EPISODE_IN_PATH, CLINICIAN, STAFF),
            episode(GET, "/api/v1/episodes/{episodeId}/estimate/history", EPISODE_IN_PATH, CLINICIAN, STAFF),
            allow(POST, "/api/v1/estimates", STAFF),

            // clinic-view-service: aggregates carry counts, ids and timings, never a name or an MRN. The dashboard
            // page and its scripts, styles and WebJars hold no data (it reads /api/v1/overview with the user's token).
            open(GET, "/"),
            open(GET, "/dashboard/**"),
            open(GET, "/webjars/**"),
            allow(GET, "/api/v1/overview", OPERATIONS),
            allow(GET, "/api/v1/episodes", OPERATIONS, CLINICIAN, STAFF),
            allow(GET, "/api/v1/appointments", OPERATIONS, STAFF),
            episode(GET, "/fhir/r4/EpisodeOfCare/{episodeId}", NONE, INTEGRATION, CLINICIAN),
            episode(GET, "/fhir/r4/EpisodeOfCare/{episodeId}/$everything", NONE, INTEGRATION, CLINICIAN),
            // searches read many episodes: each one answered is audited (AuditedEpisode.are)
            episode(GET, "/fhir/r4/EpisodeOfCare", NONE, INTEGRATION, CLINICIAN),
            episode(GET, "/fhir/r4/Appointment", NONE, INTEGRATION, CLINICIAN),
            allow(GET, "/fhir/r4/**", INTEGRATION, CLINICIAN),
            episode(POST, "/fhir/r4/DiagnosticReport", NONE, INTEGRATION),

            // every consuming service
            allow(GET, "/api/v1/admin/dead-letters", OPERATIONS, ADMIN),
            allow(POST, "/api/v1/admin/dead-letters/replay", ADMIN),
            allow(GET, "/api/v1/audit", ADMIN));

    private AccessTable() {}
}
