package org.carepath.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.carepath.scheduling.directory.InvalidDirectoryException;
import org.carepath.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The directory is checked at start-up: a bad file stops the service and says what is wrong with it. */
class DirectoryStartupIT {

    @TempDir
    Path folder;

    @Test
    void aDirectoryFileThatDoesNotValidateStopsTheServiceWithTheLoadersMessage() throws IOException {
        Path file = folder.resolve("directory.json");
        Files.writeString(
                file,
                """
                {"regions": ["QUEENS"], "adjacency": [],
                 "sites": [{"id": "queens-clinic", "name": "Queens clinic", "kind": "CLINIC", "region": "ATLANTIS"}],
                 "providers": []}
                """);

        Throwable failure = catchThrowable(() -> start("--carepath.scheduling.directory-file=" + file));

        assertThat(failure).isNotNull();
        assertThat(rootCause(failure))
                .isInstanceOf(InvalidDirectoryException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("ATLANTIS");
    }

    @Test
    void aMissingDirectoryFileStopsTheService() {
        Throwable failure =
                catchThrowable(() -> start("--carepath.scheduling.directory-file=" + folder.resolve("missing.json")));

        assertThat(rootCause(failure))
                .isInstanceOf(InvalidDirectoryException.class)
                .hasMessageContaining("does not exist");
    }

    private static void start(String directoryFile) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        try (ConfigurableApplicationContext unexpected = new SpringApplicationBuilder(SchedulingApplication.class)
                .run(
                        directoryFile,
                        "--server.port=0",
                        "--spring.cloud.stream.kafka.binder.brokers=" + infrastructure.kafkaBootstrapServers(),
                        "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infrastructure.mongoUri())) {
            Assertions.fail("the service started with a bad directory");
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
