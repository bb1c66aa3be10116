package org.carepath.scheduling;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The domain core of scheduling (the episode's schedule as a state machine, directory and slots, booking rules and
 * slot finding, waitlist, follow-up planning) is plain Java (STYLE.md, point 3): no Spring, no MongoDB, no Kafka, and it does not reach into its adapters.
 */
class ArchitectureTest {

    private static final String[] CORE = {
        "org.carepath.scheduling.schedule..",
        "org.carepath.scheduling.booking..",
        "org.carepath.scheduling.followup..",
        "org.carepath.scheduling.directory.."
    };

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.carepath.scheduling");

    @Test
    void theCoreUsesNoFrameworkNorStore() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "com.mongodb..",
                        "org.bson..",
                        "org.apache.kafka..",
                        "org.carepath.platform..");

        rule.check(classes);
    }

    @Test
    void theCoreDoesNotReachIntoItsAdapters() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.carepath.scheduling.adapters..");

        rule.check(classes);
    }
}
