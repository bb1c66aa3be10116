package org.carepath.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Decides one {@link AccessRule}: its roles for any episode, a patient for their own, no token for nothing. */
final class RuleAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);
    private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

    private final AccessRule rule;
    private final OwnEpisodes ownEpisodes;

    RuleAuthorization(AccessRule rule, OwnEpisodes ownEpisodes) {
        this.rule = rule;
        this.ownEpisodes = ownEpisodes;
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        if (rule.open()) {
            return GRANTED;
        }
        Optional<Caller> caller = Caller.of(authentication.get());
        Set<Role> roles = caller.map(Caller::roles).orElse(Set.of());
        boolean own = caller.isPresent()
                && rule.allowsOwnPatient()
                && roles.contains(Role.PATIENT)
                && !roles.stream().anyMatch(rule.roles()::contains)
                && owns(caller.get(), context);
        return switch (rule.verdictFor(roles, caller.isPresent(), own)) {
            case ALLOWED -> GRANTED;
            case NOT_FOUND -> new NotThisPatientsEpisode();
            case UNAUTHENTICATED, FORBIDDEN -> DENIED;
        };
    }

    private boolean owns(Caller caller, RequestAuthorizationContext context) {
        return switch (rule.ownership()) {
            case EPISODE_IN_BODY -> true;
            case EPISODE_IN_PATH ->
                ownEpisodes.owns(caller, context.getVariables().get("episodeId"));
            case APPOINTMENT_IN_PATH ->
                ownEpisodes.ownsAppointment(caller, context.getVariables().get("appointmentId"));
            case NONE -> false;
        };
    }

    /** Another patient's episode is answered exactly as one that does not exist (OWASP API1:2023). */
    static final class NotThisPatientsEpisode extends AuthorizationDecision {
        NotThisPatientsEpisode() {
            super(false);
        }
    }
}
