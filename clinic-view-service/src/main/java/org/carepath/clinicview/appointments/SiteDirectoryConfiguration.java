package org.carepath.clinicview.appointments;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.json.JsonMapper;

/** The sites and their provider hours, from the directory scheduling books from. */
@Configuration(proxyBeanMethods = false)
class SiteDirectoryConfiguration {

    static final String BUNDLED = "classpath:directory/directory.json";

    @Bean
    SiteCapacity siteCapacity(
            @Value("${carepath.clinic-view.directory-file:}") String file, ResourceLoader resources, JsonMapper json)
            throws IOException {
        String location = file == null || file.isBlank() ? BUNDLED : file.contains(":") ? file : "file:" + file;
        Resource directory = resources.getResource(location);
        try (InputStream in = directory.getInputStream()) {
            return SiteCapacity.of(json.readTree(in));
        }
    }
}
