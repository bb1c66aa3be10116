package org.carepath.authorization;

import java.util.List;
import java.util.Map;
import org.carepath.events.intake.PatientIds;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes every access token as the services expect it: audience {@code carepath}, the client's role in
 * {@code roles}, {@code client_id}. The patient portal's tokens also carry the {@code mrn} the portal asks for
 * (request parameter {@code mrn}), with the patient's opaque id, never the MRN, as their subject: the subject
 * is what audit records name.
 */
class CarepathTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String AUDIENCE = "carepath";
    static final String PATIENT_PORTAL = "carepath-patient-portal";
    private static final int MAX_MRN_LENGTH = 64;

    /** The contract's clients and their roles; the portal stands for a patient it has signed in. */
    static final Map<String, String> ROLES = Map.of(
            "carepath-clinician",
            "clinician",
            "carepath-staff",
            "staff",
            "carepath-integration",
            "integration",
            "carepath-operations",
            "operations",
            "carepath-admin",
            "admin",
            PATIENT_PORTAL,
            "patient");

    private final PatientIds patientIds;

    CarepathTokenClaims(PatientIds patientIds) {
        this.patientIds = patientIds;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        String clientId = context.getRegisteredClient().getClientId();
        String role = ROLES.get(clientId);
        if (role == null) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "client has no Carepath role", null));
        }
        context.getClaims()
                .audience(List.of(AUDIENCE))
                .claim("roles", List.of(role))
                .claim("client_id", clientId);
        if (PATIENT_PORTAL.equals(clientId)) {
            String mrn = mrnOf(context);
            context.getClaims().claim("mrn", mrn).subject(patientIds.of(mrn));
        }
    }

    private static String mrnOf(JwtEncodingContext context) {
        Object mrn = context.getAuthorizationGrant() instanceof OAuth2ClientCredentialsAuthenticationToken grant
                ? grant.getAdditionalParameters().get("mrn")
                : null;
        if (!(mrn instanceof String value) || value.isBlank() || value.length() > MAX_MRN_LENGTH) {
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_REQUEST,
                    "a patient token needs the mrn parameter (1-64 characters)",
                    null));
        }
        return value.strip();
    }
}
