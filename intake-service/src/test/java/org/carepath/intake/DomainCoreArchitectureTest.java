package org.carepath.intake;

import org.carepath.testing.DomainCore;
import org.junit.jupiter.api.Test;

/**
 * Intake's domain core (the reports and the events they become) is plain Java (DESIGN.md, STYLE.md principle 3): no Spring, Kafka, MongoDB or Jackson, so a unit test
 * calls it without any of them. Adapters (controllers, stream functions, repositories) live in the other packages.
 */
class DomainCoreArchitectureTest {

    private final DomainCore core = DomainCore.of("org.carepath.intake", "org.carepath.intake.report..");

    @Test
    void theDomainCoreImportsNoSpringKafkaMongoOrJackson() {
        core.importsNoFramework();
    }

    @Test
    void theDomainCoreDoesNotReachIntoItsAdapters() {
        core.doesNotReachInto("org.carepath.intake.episode..");
    }
}
