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
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {

    private static final CarepathService SERVICE = CarepathService.SCHEDULING;

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

    private ClassArchive archiveWithHalfWrittenFile(Path jar) throws IOException {
        Path directory = jar.resolveSibling(ClassArchive.DIRECTORY);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("classes.jsa"), "written by the training run");
        return ClassArchive.of(SERVICE, root);
    }

    /** A jar at the service's path; {@code springBoot} puts the attribute Spring Boot's jars carry. */
    private Path writeJar(boolean springBoot) throws IOException {
        Path jar = SERVICE.jar(root);
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (springBoot) {
            attributes.putValue("Spring-Boot-Version", "4.1.2");
        }
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.finish();
        }
        return jar;
    }
}
