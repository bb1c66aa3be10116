package org.carepath.platform.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import org.carepath.events.intake.PatientIds;
import org.carepath.platform.audit.AuditFilter;
import org.carepath.platform.audit.AuditTrail;
import org.carepath.platform.audit.AuditTrailConfiguration;
import org.carepath.platform.web.BodySizeLimitFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is an OAuth 2.0 resource server (CONTRACT.md "Access"): JWT bearer tokens checked for
 * signature (the issuer's JWKS), issuer, audience and expiry; each request decided by the one
 * {@link AccessTable}, anything else denied; 401/403 as problem details; episode reads and changes audited.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"
        })
@EnableWebSecurity
@Import(AuditTrailConfiguration.class)
public class PlatformSecurityAutoConfiguration {

    @Bean
    SecurityProperties carepathSecurityProperties(Environment environment) {
        return SecurityProperties.from(environment);
    }

    @Bean
    AccessRules accessRules() {
        return new AccessRules(AccessTable.RULES);
    }

    @Bean
    static AccessTableCoverage accessTableCoverage() {
        return new AccessTableCoverage(new AccessRules(AccessTable.RULES));
    }

    @Bean
    PatientIds patientIds(SecurityProperties properties) {
        return new PatientIds(properties.patientIdKey());
    }

    @Bean
    OwnEpisodes ownEpisodes(ObjectProvider<PatientRecords> records, PatientIds patientIds) {
        return new OwnEpisodes(records.getIfAvailable(() -> PatientRecords.NONE), patientIds);
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        OAuth2TokenValidator<Jwt> claims = JwtValidators.createDefaultWithValidators(List.of(
                new JwtTimestampValidator(),
                new JwtIssuerValidator(properties.issuerUri()),
                audience(properties.audience())));
        decoder.setJwtValidator(claims);
        return new VerifiedTokens(decoder, claims);
    }

    @Bean
    SecurityProblems securityProblems(JsonMapper jsonMapper) {
        return new SecurityProblems(jsonMapper);
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter() {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Requests are observed once, as {@code http.server.requests}; Spring Security's own observations wrapped each
     * of the chain's filters, and each authentication and authorization, in an observation of its own, on every
     * request (issue 8: intake spent ~6 ms of CPU per report at 100/s).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain carepathSecurityFilterChain(
            HttpSecurity http,
            AccessRules rules,
            OwnEpisodes ownEpisodes,
            SecurityProblems problems,
            SecurityProperties properties,
            AuditTrail trail,
            ObjectProvider<PatientRecords> records,
            Clock clock,
            @Value("${spring.application.name}") String service)
            throws Exception {
        AuditFilter audit =
                new AuditFilter(rules, trail, records.getIfAvailable(() -> PatientRecords.NONE), clock, service);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> {})
                .authorizeHttpRequests(authorize -> {
                    authorize.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    for (AccessRule rule : rules.rules()) {
                        authorize
                                .requestMatchers(rules.matcherOf(rule))
                                .access(new RuleAuthorization(rule, ownEpisodes));
                    }
                    authorize.anyRequest().denyAll();
                })
                .oauth2ResourceServer(resource -> resource.jwt(
                                jwt -> jwt.jwtAuthenticationConverter(new TokenRoles(properties.rolesClaim())))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        // by default a token that cannot be checked (issuer unreachable) is rethrown: a 500
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(problems);
                                return filter;
                            }
                        }))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(audit, ExceptionTranslationFilter.class);
        return http.build();
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        OAuth2Error notForUs = new OAuth2Error("invalid_token", "the token is not for audience " + audience, null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(notForUs);
    }
}
