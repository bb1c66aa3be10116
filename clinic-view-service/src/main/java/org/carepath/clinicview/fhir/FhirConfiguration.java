package org.carepath.clinicview.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FHIR facade's parts: one FhirContext (costly to build, thread-safe), the validator, and the intake client
 * with its breaker and retry ({@code resilience4j.*.instances.intake} in application.yml).
 */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    FhirValidation fhirValidation(FhirContext fhirContext) {
        return new FhirValidation(fhirContext);
    }

    @Bean
    IntakeFindings intakeFindings(
            @Value("${carepath.clinic-view.intake-url:http://127.0.0.1:8081}") String intakeUrl,
            @Value("${carepath.clinic-view.intake-connect-timeout:2s}") Duration connectTimeout,
            @Value("${carepath.clinic-view.intake-timeout:5s}") Duration timeout,
            CircuitBreakerRegistry breakers,
            RetryRegistry retries,
            JsonMapper jsonMapper) {
        return new IntakeFindings(
                intakeUrl,
                connectTimeout,
                timeout,
                breakers.circuitBreaker("intake"),
                retries.retry("intake"),
                jsonMapper);
    }

    /** Loads the R4 specification for the validator once the service is up, off the request path. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUpValidator(ApplicationReadyEvent ready) {
        FhirValidation validation = ready.getApplicationContext().getBean(FhirValidation.class);
        Thread warmUp = new Thread(validation::warmUp, "fhir-validator-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }
}
