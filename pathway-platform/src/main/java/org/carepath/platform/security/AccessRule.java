package org.carepath.platform.security;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * One row of the {@link AccessTable}: who may call one endpoint.
 *
 * @param method the HTTP method
 * @param path a Spring path pattern ({@code {episodeId}} names the episode, {@code **} any rest)
 * @param open no token needed (health probes, the FHIR CapabilityStatement)
 * @param roles the roles that may call it for any episode
 * @param ownership how a {@code patient} token may call it for its own episodes, if at all
 * @param episodeData whether the call reads or changes an episode's data, and so is audited
 */
public record AccessRule(
        HttpMethod method, String path, boolean open, Set<Role> roles, Ownership ownership, boolean episodeData) {

    public AccessRule {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    static AccessRule open(HttpMethod method, String path) {
        return new AccessRule(method, path, true, Set.of(), Ownership.NONE, false);
    }

    static AccessRule allow(HttpMethod method, String path, Role... roles) {
        return new AccessRule(method, path, false, Set.of(roles), Ownership.NONE, false);
    }

    /** Any valid token, whatever its role. */
    static AccessRule anyRole(HttpMethod method, String path) {
        return allow(method, path, Role.values());
    }

    /** An episode's data: audited, and for {@code ownership} also the patient whose episode it is. */
    static AccessRule episode(HttpMethod method, String path, Ownership ownership, Role... roles) {
        return new AccessRule(method, path, false, Set.of(roles), ownership, true);
    }

    public boolean allowsOwnPatient() {
        return ownership != Ownership.NONE;
    }

    /** What this row answers a caller: by its token's roles (none without a token) and whose episode it names. */
    public Verdict verdictFor(Set<Role> callerRoles, boolean authenticated, boolean ownEpisode) {
        if (open) {
            return Verdict.ALLOWED;
        }
        if (!authenticated) {
            return Verdict.UNAUTHENTICATED;
        }
        if (callerRoles.stream().anyMatch(roles::contains)) {
            return Verdict.ALLOWED;
        }
        if (allowsOwnPatient() && callerRoles.contains(Role.PATIENT)) {
            return ownEpisode ? Verdict.ALLOWED : Verdict.NOT_FOUND;
        }
        return Verdict.FORBIDDEN;
    }

    /** 2xx (or the endpoint's own answer), 401, 404 (another patient's episode) or 403. */
    public enum Verdict {
        ALLOWED,
        UNAUTHENTICATED,
        NOT_FOUND,
        FORBIDDEN
    }
}
