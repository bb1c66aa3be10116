package org.carepath.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The architecture rule every service keeps (DESIGN.md, STYLE.md): its domain core is plain Java, with no
 * Spring, Kafka, MongoDB or Jackson, and it does not reach into the adapters around it.
 */
public final class DomainCore {

    private static final String[] FRAMEWORKS = {
        "org.springframework..",
        "org.apache.kafka..",
        "com.mongodb..",
        "org.bson..",
        "tools.jackson..",
        "com.fasterxml.jackson.."
    };

    private final JavaClasses classes;
    private final String[] core;

    private DomainCore(String servicePackage, String... corePackages) {
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        this.core = corePackages;
    }

    /** The core of the service under {@code servicePackage}: the packages given, e.g. {@code org.x.rules..}. */
    public static DomainCore of(String servicePackage, String... corePackages) {
        return new DomainCore(servicePackage, corePackages);
    }

    public void importsNoFramework() {
        noClasses()
                .that()
                .resideInAnyPackage(core)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .check(classes);
    }

    public void doesNotReachInto(String... adapterPackages) {
        noClasses()
                .that()
                .resideInAnyPackage(core)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(adapterPackages)
                .check(classes);
    }
}
