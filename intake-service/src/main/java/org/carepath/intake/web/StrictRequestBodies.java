package org.carepath.intake.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies name only contract fields: an unknown one (a misspelt {@code mriContraindicted}) is a 400 naming it,
 * never silently dropped, so a typo cannot turn a contraindication into a booked MRI (clinical-rules.md, amended
 * 2026-12). Only the REST converter is strict, in its place among the others: events read from Kafka keep tolerating
 * fields added to them later.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestBodies implements WebMvcConfigurer {

    private final JsonMapper strict;

    StrictRequestBodies(JsonMapper jsonMapper) {
        this.strict = jsonMapper
                .rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(this::strictJson);
    }

    private void strictJson(List<HttpMessageConverter<?>> converters) {
        converters.replaceAll(converter -> converter.getClass() == JacksonJsonHttpMessageConverter.class
                ? new JacksonJsonHttpMessageConverter(strict)
                : converter);
    }
}
