package org.carepath.intake.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies name only contract fields: an unknown one (a misspelt {@code mriContraindicted}) is a 400 naming it,
 * never silently dropped, so a typo cannot turn a contraindication into a booked MRI (clinical-rules.md, amended
 * 2026-12). Only the REST converter is strict: events read from Kafka keep tolerating fields added to them later.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestBodies {

    @Bean
    JacksonJsonHttpMessageConverter strictJsonConverter(JsonMapper jsonMapper) {
        return new JacksonJsonHttpMessageConverter(jsonMapper
                .rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build());
    }
}
