package org.carepath.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads the Carepath roles from the claim the issuer puts them in: {@code roles} for the local issuer and
 * Entra ID app roles, a dotted path such as {@code realm_access.roles} for Keycloak realm roles, or an Okta
 * custom claim ({@code carepath.security.roles-claim}). Values that are no Carepath role are dropped.
 */
public class TokenRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final String PREFIX = "ROLE_";
    private final List<String> claimPath;

    public TokenRoles(String rolesClaim) {
        this.claimPath = List.of(rolesClaim.split("\\."));
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        for (String value : claimValues(jwt.getClaims())) {
            Role.ofClaim(value).ifPresent(role -> authorities.add(new SimpleGrantedAuthority(PREFIX + role.name())));
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    static Optional<Role> roleOf(String authority) {
        if (!authority.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Role.valueOf(authority.substring(PREFIX.length())));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private List<String> claimValues(Map<String, Object> claims) {
        Object node = claims;
        for (String name : claimPath) {
            if (!(node instanceof Map<?, ?> map)) {
                return List.of();
            }
            node = map.get(name);
        }
        if (node instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (node instanceof String value) {
            return List.of(value.split("[ ,]+"));
        }
        return List.of();
    }
}
