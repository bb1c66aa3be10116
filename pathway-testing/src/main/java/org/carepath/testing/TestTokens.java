package org.carepath.testing;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * A test issuer for the JVM: one RSA key, its JWKS served on a loopback port, and signed access tokens shaped
 * like the local authorization server's ({@code iss}, {@code aud=carepath}, {@code roles}, {@code client_id},
 * {@code mrn} for patients). Services under test verify them exactly as they verify the real issuer's.
 */
public final class TestTokens {

    public static final List<String> CLINIC_TEAM = List.of("clinician", "staff", "integration", "operations", "admin");
    private static volatile TestTokens instance;

    private final HttpServer server;
    private final NimbusJwtEncoder encoder;
    private final NimbusJwtEncoder stranger;
    private final String issuer;

    private TestTokens() {
        RSAKey key = generate();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(key)));
        this.stranger = new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(generate())));
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.start();
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static TestTokens get() {
        if (instance == null) {
            synchronized (TestTokens.class) {
                if (instance == null) {
                    instance = new TestTokens();
                }
            }
        }
        return instance;
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** Every non-patient role at once: for tests about something other than access. */
    public String clinicTeam() {
        return token(CLINIC_TEAM, null);
    }

    public String forRole(String role) {
        return token(List.of(role), null);
    }

    public String patient(String mrn) {
        return token(List.of("patient"), mrn);
    }

    public String token(List<String> roles, String mrn) {
        return sign(encoder, claims(roles, mrn, "carepath", Instant.now().plus(Duration.ofHours(1))));
    }

    public String expired(String role) {
        return sign(
                encoder, claims(List.of(role), null, "carepath", Instant.now().minus(Duration.ofMinutes(10))));
    }

    public String forAudience(String audience, String role) {
        return sign(encoder, claims(List.of(role), null, audience, Instant.now().plus(Duration.ofHours(1))));
    }

    /** Signed by a key the issuer never published. */
    public String forged(String role) {
        return sign(
                stranger, claims(List.of(role), null, "carepath", Instant.now().plus(Duration.ofHours(1))));
    }

    private JwtClaimsSet claims(List<String> roles, String mrn, String audience, Instant expiresAt) {
        String client = "carepath-" + (roles.size() == 1 ? roles.get(0) : "test");
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(mrn == null ? client : "patient-" + UUID.randomUUID())
                .audience(List.of(audience))
                .issuedAt(expiresAt.minus(Duration.ofHours(2)))
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .claim("client_id", client)
                .claim("roles", roles);
        if (mrn != null) {
            claims.claim("mrn", mrn);
        }
        return claims.build();
    }

    private static String sign(NimbusJwtEncoder encoder, JwtClaimsSet claims) {
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
