package org.carepath.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Intake's domain core (the reports and the events they become) is plain Java (DESIGN.md, STYLE.md principle 3): no Spring, Kafka, MongoDB or Jackson, so a unit test calls it
 * without any of them. Adapters (controllers, stream functions, repositories) live in the other packages.
 */
class DomainCoreArchitectureTest {

    private static final String[] CORE = {"org.carepath.intake.report.."};

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.carepath.intake");

    @Test
    void theDomainCoreImportsNoSpringKafkaMongoOrJackson() {
        noClasses()
                .that()
                .resideInAnyPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "com.mongodb..",
                        "org.bson..",
                        "tools.jackson..",
                        "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void theDomainCoreDoesNotReachIntoItsAdapters() {
        noClasses()
                .that()
                .resideInAnyPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.carepath.intake.episode..", "org.carepath.intake.patient..", "org.carepath.intake.web..")
                .check(classes);
    }
}
