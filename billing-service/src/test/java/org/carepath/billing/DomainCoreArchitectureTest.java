package org.carepath.billing;

import org.carepath.testing.DomainCore;
import org.junit.jupiter.api.Test;

/**
 * Billing's domain core (accounts, estimates, the fee schedule) is plain Java (DESIGN.md, STYLE.md principle 3): no Spring, Kafka, MongoDB or Jackson, so a unit test
 * calls it without any of them. Adapters (controllers, stream functions, repositories) live in the other packages.
 */
class DomainCoreArchitectureTest {

    private final DomainCore core = DomainCore.of(
            "org.carepath.billing",
            "org.carepath.billing.account..",
            "org.carepath.billing.estimate..",
            "org.carepath.billing.feeschedule..");

    @Test
    void theDomainCoreImportsNoSpringKafkaMongoOrJackson() {
        core.importsNoFramework();
    }

    @Test
    void theDomainCoreDoesNotReachIntoItsAdapters() {
        core.doesNotReachInto(
                "org.carepath.billing.episode..", "org.carepath.billing.pricing..", "org.carepath.billing.quote..");
    }
}
