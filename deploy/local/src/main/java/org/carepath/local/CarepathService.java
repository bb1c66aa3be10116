package org.carepath.local;

import java.nio.file.Path;

/** The four services of the contract, their Maven modules and their default ports (CONTRACT.md). */
public enum CarepathService {
    INTAKE("intake-service", 8081),
    TRIAGE("triage-service", 8082),
    SCHEDULING("scheduling-service", 8083),
    BILLING("billing-service", 8084);

    static final String VERSION = "0.1.0-SNAPSHOT";

    private final String artifactId;
    private final int defaultPort;

    CarepathService(String artifactId, int defaultPort) {
        this.artifactId = artifactId;
        this.defaultPort = defaultPort;
    }

    public String artifactId() {
        return artifactId;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The Spring Boot fat jar Maven builds for this service under {@code projectRoot}. */
    public Path jar(Path projectRoot) {
        return projectRoot.resolve(artifactId).resolve("target").resolve(artifactId + "-" + VERSION + ".jar");
    }
}
