package org.carepath.local;

import java.nio.file.Path;

/**
 * The processes of the local stack: the four pathway services of the contract, the clinic view (the read model
 * behind the operations dashboard) and the local authorization server, their Maven modules and their default ports
 * (CONTRACT.md).
 */
public enum CarepathService {
    INTAKE("intake-service", 8081),
    TRIAGE("triage-service", 8082),
    SCHEDULING("scheduling-service", 8083),
    BILLING("billing-service", 8084),
    CLINIC_VIEW("clinic-view-service", 8085),
    AUTHORIZATION_SERVER("authorization-server", 9000, "deploy/authorization-server", "carepath-authorization-server");

    static final String VERSION = "0.1.0-SNAPSHOT";

    private final String artifactId;
    private final int defaultPort;
    private final String module;
    private final String jarName;

    CarepathService(String artifactId, int defaultPort) {
        this(artifactId, defaultPort, artifactId, artifactId);
    }

    CarepathService(String artifactId, int defaultPort, String module, String jarName) {
        this.artifactId = artifactId;
        this.defaultPort = defaultPort;
        this.module = module;
        this.jarName = jarName;
    }

    public String artifactId() {
        return artifactId;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** One of the four pathway services (not the clinic view, which only reads the topics, nor the local issuer). */
    public boolean isPathwayService() {
        return this != AUTHORIZATION_SERVER && this != CLINIC_VIEW;
    }

    /** One of the five services with data in MongoDB (the four and the clinic view; not the local issuer). */
    public boolean usesTheStore() {
        return this != AUTHORIZATION_SERVER;
    }

    /** The Spring Boot fat jar Maven builds for this process under {@code projectRoot}. */
    public Path jar(Path projectRoot) {
        return projectRoot.resolve(module).resolve("target").resolve(jarName + "-" + VERSION + ".jar");
    }
}
