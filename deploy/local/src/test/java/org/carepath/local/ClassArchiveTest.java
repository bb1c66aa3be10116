package org.carepath.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {

    private static final CarepathService SERVICE = CarepathService.SCHEDULING;
    private static final String START_CLASS = "org.carepath.scheduling.SchedulingApplication";
    private static final String AOT_INITIALIZER =
            "BOOT-INF/classes/org/carepath/scheduling/SchedulingApplication__ApplicationContextInitializer.class";

    @TempDir
    Path root;

    @Test
    void aJarThatIsNotSpringBootsStartsAsItIs() throws IOException {
        Path jar = writeJar(false);
        ClassArchive archive = ClassArchive.of(SERVICE, root);

        assertThat(archive.applies()).isFalse();
        assertThat(archive.launchArguments()).containsExactly("-jar", jar.toString());
    }

    @Test
    void aSpringBootJarStartsFromItselfUntilUnpackedThenFromTheUnpackedJarWithItsArchive() throws IOException {
        Path jar = writeJar(true);
        ClassArchive archive = ClassArchive.of(SERVICE, root);
        Path directory = jar.resolveSibling(ClassArchive.DIRECTORY);
        Path unpacked = directory.resolve(jar.getFileName());

        assertThat(archive.applies()).isTrue();
        assertThat(archive.isCurrent()).isFalse();
        assertThat(archive.launchArguments()).containsExactly("-jar", jar.toString());

        Files.createDirectories(directory);
        Files.writeString(directory.resolve("classes.jsa"), "archive");
        archive.markMade(true);

        assertThat(archive.isCurrent()).isTrue();
        assertThat(archive.launchArguments())
                .containsExactly(
                        "-XX:SharedArchiveFile=" + directory.resolve("classes.jsa"), "-jar", unpacked.toString());
    }

    @Test
    void aFailedTrainingRunLeavesTheUnpackedJarWithoutAnArchive() throws IOException {
        Path jar = writeJar(true);
        ClassArchive archive = ClassArchive.of(SERVICE, root);
        Path directory = jar.resolveSibling(ClassArchive.DIRECTORY);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("classes.jsa"), "half written by a JVM that crashed while dumping");

        archive.markMade(false);

        assertThat(archive.archiveExists()).isFalse();
        assertThat(archive.launchArguments())
                .containsExactly("-jar", directory.resolve(jar.getFileName()).toString());
    }

    @Test
    void aRebuiltJarMakesTheArchiveStale() throws IOException {
        Path jar = writeJar(true);
        ClassArchive archive = ClassArchive.of(SERVICE, root);
        Files.createDirectories(jar.resolveSibling(ClassArchive.DIRECTORY));
        archive.markMade(false);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(archive.isCurrent()).isFalse();
        assertThat(archive.launchArguments()).containsExactly("-jar", jar.toString());
    }

    @Test
    void aJarThatCannotBeUnpackedIsReportedAndStartsFromItself() throws IOException {
        Path jar = writeJar(true);
        List<String> progress = new ArrayList<>();
        List<List<String>> trained = new ArrayList<>();

        new ClassArchiveTraining(root, root, Duration.ofMinutes(1), progress::add)
                .makeMissing(List.of(SERVICE), (service, arguments) -> {
                    trained.add(arguments);
                    return new ProcessBuilder("true");
                });

        assertThat(trained).isEmpty();
        assertThat(progress)
                .anySatisfy(line -> assertThat(line).contains("scheduling-service's classes not archived: unpacking"));
        assertThat(ClassArchive.of(SERVICE, root).launchArguments()).containsExactly("-jar", jar.toString());
    }

    @Test
    void aTrainingRunThatFailsByItselfIsRememberedUntilTheNextBuild() throws IOException {
        Path jar = writeJar(true);
        ClassArchive archive = archiveWithHalfWrittenFile(jar);
        List<String> progress = new ArrayList<>();

        new ClassArchiveTraining(root, root, Duration.ofMinutes(1), progress::add)
                .settle(SERVICE, archive, new ProcessBuilder("false").start());

        assertThat(archive.isCurrent()).isTrue();
        assertThat(archive.archiveExists()).isFalse();
        assertThat(progress).anySatisfy(line -> assertThat(line).contains("training run exited with 1"));
    }

    @Test
    void aTrainingRunThatTimesOutIsTriedAgainAtTheNextStart() throws IOException {
        Path jar = writeJar(true);
        ClassArchive archive = archiveWithHalfWrittenFile(jar);
        List<String> progress = new ArrayList<>();
        Process slow = new ProcessBuilder("sleep", "60").start();

        new ClassArchiveTraining(root, root, Duration.ofMillis(200), progress::add).settle(SERVICE, archive, slow);

        assertThat(slow.isAlive()).isFalse();
        assertThat(archive.isCurrent()).isFalse();
        assertThat(archive.archiveExists()).isFalse();
        assertThat(archive.launchArguments()).containsExactly("-jar", jar.toString());
        assertThat(progress).anySatisfy(line -> assertThat(line).contains("tried again at the next start"));
    }

    @Test
    void aTrainingRunThatEndsCleanlyWithAnArchiveIsUsed() throws IOException {
        Path jar = writeJar(true);
        ClassArchive archive = archiveWithHalfWrittenFile(jar);

        new ClassArchiveTraining(root, root, Duration.ofMinutes(1), line -> {})
                .settle(SERVICE, archive, new ProcessBuilder("true").start());

        assertThat(archive.isCurrent()).isTrue();
        assertThat(archive.launchArguments()).first().asString().startsWith("-XX:SharedArchiveFile=");
    }

    @Test
    void aJarProcessedAheadOfTimeStartsAndTrainsFromItsProcessedContext() throws IOException {
        Path jar = writeJar(true, START_CLASS, AOT_INITIALIZER);
        ClassArchive archive = archiveWithHalfWrittenFile(jar);
        archive.markMade(true);

        assertThat(archive.processedAheadOfTime()).isTrue();
        assertThat(archive.launchArguments()).startsWith(ClassArchive.AOT_ENABLED);
        assertThat(archive.trainingArguments(root)).startsWith(ClassArchive.AOT_ENABLED);
    }

    @Test
    void aJarWithoutTheProcessedContextStartsWithoutAheadOfTimeMode() throws IOException {
        Path jar = writeJar(true, START_CLASS, "BOOT-INF/classes/org/carepath/scheduling/SchedulingApplication.class");
        ClassArchive archive = archiveWithHalfWrittenFile(jar);
        archive.markMade(true);

        assertThat(archive.processedAheadOfTime()).isFalse();
        assertThat(archive.launchArguments()).doesNotContain(ClassArchive.AOT_ENABLED);
        assertThat(archive.trainingArguments(root)).doesNotContain(ClassArchive.AOT_ENABLED);
    }

    private ClassArchive archiveWithHalfWrittenFile(Path jar) throws IOException {
        Path directory = jar.resolveSibling(ClassArchive.DIRECTORY);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("classes.jsa"), "written by the training run");
        return ClassArchive.of(SERVICE, root);
    }

    private Path writeJar(boolean springBoot) throws IOException {
        return writeJar(springBoot, null, null);
    }

    /**
     * A jar at the service's path; {@code springBoot} puts the attribute Spring Boot's jars carry, {@code startClass}
     * (if any) the application's class, and {@code entry} (if any) an empty file of that name.
     */
    private Path writeJar(boolean springBoot, String startClass, String entry) throws IOException {
        Path jar = SERVICE.jar(root);
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (springBoot) {
            attributes.putValue("Spring-Boot-Version", "4.1.2");
        }
        if (startClass != null) {
            attributes.putValue("Start-Class", startClass);
        }
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            if (entry != null) {
                out.putNextEntry(new JarEntry(entry));
                out.closeEntry();
            }
            out.finish();
        }
        return jar;
    }
}
