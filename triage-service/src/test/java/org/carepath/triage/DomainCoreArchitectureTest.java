package org.carepath.triage;

import org.carepath.testing.DomainCore;
import org.junit.jupiter.api.Test;

/**
 * Triage's domain core (the rules and the pathway state machine) is plain Java (DESIGN.md, STYLE.md principle 3): no Spring, Kafka, MongoDB or Jackson, so a unit test
 * calls it without any of them. Adapters (controllers, stream functions, repositories) live in the other packages.
 */
class DomainCoreArchitectureTest {

    private final DomainCore core =
            DomainCore.of("org.carepath.triage", "org.carepath.triage.rules..", "org.carepath.triage.pathway..");

    @Test
    void theDomainCoreImportsNoSpringKafkaMongoOrJackson() {
        core.importsNoFramework();
    }

    @Test
    void theDomainCoreDoesNotReachIntoItsAdapters() {
        core.doesNotReachInto("org.carepath.triage.decision..");
    }
}
