package org.carepath.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Checks a bearer token's signature once, and its claims (expiry, issuer, audience) on every request.
 *
 * <p>Why: a client presents the same token on every request until it expires; profiled under the benchmark, the
 * RSA signature check and the parsing of the issuer's key for each request were an eighth of intake's time. The
 * signature is part of the token's text, so a text verified once stays verified; a remembered token is forgotten
 * after {@link #AT_MOST} (so a key the issuer withdrew stops being trusted as soon as the decoder's own copy of the
 * key set does) and as soon as its claims fail.
 */
final class VerifiedTokens implements JwtDecoder {

    static final Duration AT_MOST = Duration.ofMinutes(5);
    static final int MOST = 10_000;

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> claims;
    private final Cache<String, Jwt> verified =
            Caffeine.newBuilder().expireAfterWrite(AT_MOST).maximumSize(MOST).build();

    /**
     * @param verifier checks the signature and the claims
     * @param claims the same claims' checks, run again on a remembered token
     */
    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> claims) {
        this.verifier = verifier;
        this.claims = claims;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            Jwt jwt = verifier.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = claims.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            String reason = result.getErrors().iterator().next().getDescription();
            throw new JwtValidationException(
                    "An error occurred while attempting to decode the Jwt: " + reason, result.getErrors());
        }
        return known;
    }
}
