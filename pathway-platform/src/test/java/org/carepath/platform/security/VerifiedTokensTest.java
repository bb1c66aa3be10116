package org.carepath.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A token's signature is checked once; its claims on every use, and a token whose claims fail is checked afresh. */
class VerifiedTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-12-03T14:00:00Z");

    private final List<String> verified = new ArrayList<>();
    private final JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);

    /** Stands in for the signature check: records each token it is asked to verify, and refuses "forged". */
    private final JwtDecoder signatures = token -> {
        verified.add(token);
        if (token.equals("forged")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("ops-1")
                .issuedAt(ISSUED)
                .expiresAt(ISSUED.plus(Duration.ofMinutes(10)))
                .build();
    };

    private final VerifiedTokens tokens = new VerifiedTokens(signatures, expiry);

    @Test
    void theSameTokenAgainIsNotVerifiedAgain() {
        at(ISSUED.plusSeconds(1));

        Jwt first = tokens.decode("token-a");
        Jwt again = tokens.decode("token-a");
        tokens.decode("token-b");

        assertThat(again).isSameAs(first);
        assertThat(verified).containsExactly("token-a", "token-b");
    }

    @Test
    void aRememberedTokenPastItsExpiryIsRefusedAndForgotten() {
        at(ISSUED.plusSeconds(1));
        tokens.decode("token-a");

        at(ISSUED.plus(Duration.ofMinutes(11)));

        assertThatThrownBy(() -> tokens.decode("token-a"))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verified).containsExactly("token-a");
        tokens.decode("token-a");
        assertThat(verified).containsExactly("token-a", "token-a");
    }

    @Test
    void aTokenThatFailsItsSignatureIsNeverRemembered() {
        at(ISSUED.plusSeconds(1));

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verified).containsExactly("forged", "forged");
    }

    private void at(Instant now) {
        expiry.setClock(Clock.fixed(now, ZoneOffset.UTC));
    }
}
