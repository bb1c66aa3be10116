package org.carepath.platform.security;

import org.springframework.core.env.Environment;

/**
 * Where tokens come from and what they must say. {@code CAREPATH_ISSUER_URI} (CONTRACT.md) or
 * {@code carepath.security.issuer-uri}; the JWKS defaults to Spring Authorization Server's
 * {@code /oauth2/jwks} under the issuer (set {@code carepath.security.jwk-set-uri} for Keycloak's
 * {@code /protocol/openid-connect/certs}, Entra's {@code /discovery/v2.0/keys}, Okta's {@code /v1/keys}).
 */
public record SecurityProperties(
        String issuerUri, String jwkSetUri, String audience, String rolesClaim, String patientIdKey) {

    static final String LOCAL_ISSUER = "http://127.0.0.1:9000";
    /** For the local stack and tests only; a deployment sets its own secret. */
    static final String LOCAL_PATIENT_ID_KEY = "local-only-patient-id-key-change-me";

    public static SecurityProperties from(Environment env) {
        String issuer = setting(env, "carepath.security.issuer-uri", setting(env, "CAREPATH_ISSUER_URI", LOCAL_ISSUER));
        return new SecurityProperties(
                issuer,
                setting(env, "carepath.security.jwk-set-uri", stripSlash(issuer) + "/oauth2/jwks"),
                setting(env, "carepath.security.audience", "carepath"),
                setting(env, "carepath.security.roles-claim", "roles"),
                setting(
                        env,
                        "carepath.security.patient-id-key",
                        setting(env, "CAREPATH_PATIENT_ID_KEY", LOCAL_PATIENT_ID_KEY)));
    }

    /** A setting given as an empty string (an unset variable in a compose file) counts as not given. */
    private static String setting(Environment env, String name, String fallback) {
        String value = env.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String stripSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
