package org.carepath.platform.web;

import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are read strictly: a field the request does not have is a {@code 400} naming it, never ignored.
 * Only HTTP: events keep the tolerant reader, so a producer may add fields (CONTRACT.md: extend, never rename).
 */
public class StrictJsonBodies implements WebMvcConfigurer {

    private final JsonMapper strict;

    public StrictJsonBodies(JsonMapper jsonMapper) {
        this.strict = jsonMapper
                .rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
    }
}
