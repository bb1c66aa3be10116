package org.carepath.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The services could not all be started; the message is one line that says which and where to look. */
public final class FleetStartException extends RuntimeException {

    FleetStartException(String message) {
        super(message);
    }

    FleetStartException(String message, Throwable cause) {
        super(message, cause);
    }

    static FleetStartException missingJar(CarepathService service, Path jar) {
        return new FleetStartException(service.artifactId() + " jar is missing: " + jar
                + " (build it with ./mvnw -B -DskipTests package, or run deploy/carepath)");
    }

    static FleetStartException exited(CarepathService service, int exitCode, Path logFile) {
        return new FleetStartException(
                service.artifactId() + " exited during start-up (exit code " + exitCode + "); see " + logFile);
    }

    static FleetStartException timedOut(List<CarepathService> notReady, Duration timeout, Path logDir) {
        String names = notReady.stream().map(CarepathService::artifactId).collect(Collectors.joining(", "));
        String logs = notReady.stream()
                .map(service -> logDir.resolve(service.artifactId() + ".log").toString())
                .collect(Collectors.joining(", "));
        return new FleetStartException(names + " not ready after " + timeout.toSeconds() + " s; see " + logs);
    }
}
