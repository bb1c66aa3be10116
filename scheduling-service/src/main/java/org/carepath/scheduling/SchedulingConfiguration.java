package org.carepath.scheduling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.carepath.scheduling.booking.BookingPlanner;
import org.carepath.scheduling.directory.Directory;
import org.carepath.scheduling.directory.DirectoryLoader;
import org.carepath.scheduling.directory.InvalidDirectoryException;
import org.carepath.scheduling.directory.SlotCatalog;
import org.carepath.scheduling.followup.FollowUpPlanner;
import org.carepath.scheduling.followup.QuietHours;
import org.carepath.scheduling.schedule.ScheduleRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The plain-Java core as beans, over the directory loaded (and validated) at start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulingProperties.class)
@EnableScheduling
class SchedulingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);
    private static final String CLASSPATH = "classpath:";

    /** A directory that does not load stops the service: {@link InvalidDirectoryFailureAnalyzer} says why. */
    @Bean
    Directory directory(SchedulingProperties properties) {
        String file = properties.directoryFile();
        Directory directory = load(new DirectoryLoader(), file);
        log.info(
                "Directory {}: {} regions, {} sites, {} providers",
                file.isBlank() ? CLASSPATH + DirectoryLoader.BUNDLED : file,
                directory.regions().size(),
                directory.sites().size(),
                directory.providers().size());
        return directory;
    }

    @Bean
    SlotCatalog slotCatalog(Directory directory) {
        return new SlotCatalog(directory);
    }

    @Bean
    BookingPlanner bookingPlanner(Directory directory) {
        return new BookingPlanner(directory);
    }

    @Bean
    QuietHours quietHours(SchedulingProperties properties) {
        return properties.messaging().quietHours();
    }

    @Bean
    FollowUpPlanner followUpPlanner(Directory directory, QuietHours quietHours) {
        return new FollowUpPlanner(directory, quietHours);
    }

    @Bean
    ScheduleRules scheduleRules(BookingPlanner bookingPlanner, FollowUpPlanner followUpPlanner) {
        return new ScheduleRules(bookingPlanner, followUpPlanner);
    }

    static Directory load(DirectoryLoader loader, String file) {
        if (file == null || file.isBlank()) {
            return loader.loadBundled();
        }
        if (!file.startsWith(CLASSPATH)) {
            return loader.load(Path.of(file));
        }
        String resource = file.substring(CLASSPATH.length()).replaceFirst("^/", "");
        try (InputStream in = SchedulingConfiguration.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidDirectoryException(file, List.of("the resource does not exist"));
            }
            return loader.load(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
