package org.carepath.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401, 403 and a patient's 404 as RFC 9457 problem details. Says what is wrong with the credentials, never
 * echoes the token, and gives a patient no hint that another patient's episode exists. When the token cannot be
 * checked at all (the issuer's JWKS unreachable) the answer is 503 with {@code Retry-After}: the token may well be
 * good, and the client should try again rather than fetch a new one.
 */
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

    /** Seconds a client is asked to wait when tokens cannot be checked. */
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);
    private final JsonMapper json;

    public SecurityProblems(JsonMapper json) {
        this.json = json;
    }

    /** A bearer token that could not be authenticated: as {@link #commence}, the one answer for every failure. */
    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        commence(request, response, failure);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof AuthenticationServiceException) {
            // not the token's fault: the issuer's keys could not be read (down, unreachable, answering garbage)
            log.warn("Bearer token not checked, the issuer's keys are unavailable: {}", failure.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            write(
                    request,
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "the bearer token cannot be checked now (the token issuer's keys are unavailable); try again");
            return;
        }
        boolean badToken =
                failure instanceof InvalidBearerTokenException || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE,
                badToken ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"carepath\"");
        write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                badToken
                        ? "the bearer token is not valid (signature, issuer, audience or expiry)"
                        : "a bearer token is required");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (denied instanceof AuthorizationDeniedException decision
                && decision.getAuthorizationResult() instanceof RuleAuthorization.NotThisPatientsEpisode) {
            write(request, response, HttpStatus.NOT_FOUND, "not found");
            return;
        }
        write(request, response, HttpStatus.FORBIDDEN, "the token's role may not make this call");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/fhir/")) {
            writeOperationOutcome(response, status, detail);
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Under {@code /fhir/} every error is a FHIR OperationOutcome (CONTRACT.md "FHIR R4"), with the same status. */
    private void writeOperationOutcome(HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        String code;
        switch (status) {
            case UNAUTHORIZED:
                code = "login";
                break;
            case FORBIDDEN:
                code = "forbidden";
                break;
            case NOT_FOUND:
                code = "not-found";
                break;
            default:
                code = status.is5xxServerError() ? "transient" : "security";
                break;
        }
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("severity", "error");
        issue.put("code", code);
        issue.put("diagnostics", detail);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("resourceType", "OperationOutcome");
        outcome.put("issue", java.util.List.of(issue));
        response.setStatus(status.value());
        response.setContentType("application/fhir+json");
        json.writeValue(response.getOutputStream(), outcome);
    }
}
