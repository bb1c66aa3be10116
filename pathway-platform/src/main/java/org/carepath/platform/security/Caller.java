package org.carepath.platform.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, from a verified access token.
 *
 * @param subject {@code sub}
 * @param clientId {@code client_id} (Spring Authorization Server), else {@code azp}, else the first audience
 * @param roles the Carepath roles of the {@code roles} claim; unknown values are ignored
 * @param mrn the {@code mrn} claim of a patient token, if any
 */
public record Caller(String subject, String clientId, Set<Role> roles, Optional<String> mrn) {

    public static final String MRN_CLAIM = "mrn";

    /** From a token authenticated by {@link TokenRoles}: the roles are its {@code ROLE_*} authorities. */
    public static Optional<Caller> of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        token.getAuthorities().forEach(authority -> TokenRoles.roleOf(authority.getAuthority())
                .ifPresent(roles::add));
        Jwt jwt = token.getToken();
        String client = Optional.ofNullable(jwt.getClaimAsString("client_id"))
                .or(() -> Optional.ofNullable(jwt.getClaimAsString("azp")))
                .orElse("");
        return Optional.of(new Caller(
                Optional.ofNullable(jwt.getSubject()).orElse(""),
                client,
                roles.isEmpty() ? Set.of() : Set.copyOf(roles),
                Optional.ofNullable(jwt.getClaimAsString(MRN_CLAIM)).filter(mrn -> !mrn.isBlank())));
    }

    public static Optional<Caller> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public boolean hasAny(Set<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    public List<String> roleNames() {
        return roles.stream().sorted().map(Role::claimValue).toList();
    }
}
