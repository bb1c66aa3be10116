package org.carepath.clinicview.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(FhirConfiguration.class);

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    /**
     * {@code carepath.clinic-view.fhir-validation}: {@code full}, {@code structural}, or {@code auto} (full when the
     * heap is at least 480 MB: the specification takes about 210 MB once loaded).
     */
    @Bean
    FhirValidation fhirValidation(
            FhirContext fhirContext, @Value("${carepath.clinic-view.fhir-validation:auto}") String validation) {
        FhirValidation.Mode mode = validationMode(validation);
        if (mode == FhirValidation.Mode.STRUCTURAL) {
            log.warn("Inbound FHIR resources get structural validation only (strict parser, required elements):"
                    + " the full R4 validator needs a heap of 480 MB or more (-Xmx), or"
                    + " carepath.clinic-view.fhir-validation=full");
        }
        return new FhirValidation(fhirContext, mode);
    }

    private static FhirValidation.Mode validationMode(String validation) {
        String value = validation == null ? "auto" : validation.strip().toLowerCase(java.util.Locale.ROOT);
        if (value.equals("full")) {
            return FhirValidation.Mode.FULL;
        }
        if (value.equals("structural")) {
            return FhirValidation.Mode.STRUCTURAL;
        }
        return FhirValidation.Mode.forHeap(Runtime.getRuntime().maxMemory());
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
