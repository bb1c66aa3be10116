package org.carepath.authorization;

import org.carepath.events.intake.PatientIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> carepathTokenClaims(
            @Value("${carepath.security.patient-id-key:${CAREPATH_PATIENT_ID_KEY:local-only-patient-id-key-change-me}}")
                    String patientIdKey) {
        return new CarepathTokenClaims(new PatientIds(patientIdKey));
    }

    /** The authorization server's endpoints: token, JWKS, metadata, introspection, revocation. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> http.securityMatcher(server.getEndpointsMatcher()))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Everything else: the health probes, and nothing more. */
    @Bean
    @Order(2)
    SecurityFilterChain probesOnly(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Clients only, no people: no generated user and password. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }
}
