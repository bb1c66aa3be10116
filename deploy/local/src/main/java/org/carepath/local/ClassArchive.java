package org.carepath.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * One service's Spring Boot jar unpacked in Spring Boot's {@code extract} layout (its application jar beside
 * {@code lib/}) with a dynamic class data sharing archive of the classes its start-up loads, kept in
 * {@code <module>/target/class-archive/} and made again when the jar or the JDK changes.
 *
 * <p>Why: a service restarted under load competes for the same two cores with everything that kept running, so its
 * start-up CPU is its recovery time. Measured with scheduling alone on an idle machine: from the fat jar READY in
 * 18 s on 20.6 s of CPU; unpacked 11.7 s; unpacked with this archive 7.5–8.3 s on 9.6 s of CPU. The archive comes
 * from a training run that refreshes the application context and exits ({@code spring.context.exit=onRefresh}:
 * nothing is consumed, served or sent); a JVM that cannot use an archive (another JDK, a changed file) warns and
 * starts without it, so the archive never stops a start.
 */
final class ClassArchive {

    static final String DIRECTORY = "class-archive";
    static final String AOT_ENABLED = "-Dspring.aot.enabled=true";
    private static final String BOOT_CLASSES = "BOOT-INF/classes/";
    private static final String AOT_INITIALIZER_SUFFIX = "__ApplicationContextInitializer.class";

    private final Path fatJar;
    private final Path directory;

    private ClassArchive(Path fatJar) {
        this.fatJar = fatJar;
        this.directory = fatJar.resolveSibling(DIRECTORY);
    }

    static ClassArchive of(CarepathService service, Path projectRoot) {
        return new ClassArchive(service.jar(projectRoot));
    }

    /** Only a Spring Boot jar can be unpacked; anything else starts as it is. */
    boolean applies() {
        return manifestValue("Spring-Boot-Version") != null;
    }

    /**
     * The jar holds its application context processed ahead of time (Spring Boot's {@code process-aot}): then it
     * starts from that, without parsing its configuration classes or evaluating their conditions again. Measured
     * with scheduling alone, unpacked with its archive: started in 6.0–7.2 s on 6.1–6.6 s of CPU, against 7.8–8.9 s
     * on 7.3–8.1 s without (three starts each). The conditions were settled when the jar was built, so a setting
     * that must still change at run time may not be a bean's condition.
     */
    boolean processedAheadOfTime() {
        try (JarFile jar = new JarFile(fatJar.toFile())) {
            String startClass = manifestValue(jar, "Start-Class");
            return startClass != null
                    && jar.getEntry(BOOT_CLASSES + startClass.replace('.', '/') + AOT_INITIALIZER_SUFFIX) != null;
        } catch (IOException unreadable) {
            return false;
        }
    }

    private String manifestValue(String name) {
        try (JarFile jar = new JarFile(fatJar.toFile())) {
            return manifestValue(jar, name);
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static String manifestValue(JarFile jar, String name) throws IOException {
        return jar.getManifest() == null
                ? null
                : jar.getManifest().getMainAttributes().getValue(name);
    }

    /** Unpacked from this very jar, and its archive made or tried, by this JDK. */
    boolean isCurrent() {
        try {
            return Files.isRegularFile(stamp()) && Files.readString(stamp()).equals(expectedStamp());
        } catch (IOException unreadable) {
            return false;
        }
    }

    /**
     * What comes after the JVM options: ahead-of-time mode if the jar was processed so; then, when current, the
     * unpacked jar, with its archive if the training run made one; else the fat jar.
     */
    List<String> launchArguments() {
        List<String> arguments = new ArrayList<>(aheadOfTimeArguments());
        if (!isCurrent()) {
            arguments.addAll(List.of("-jar", fatJar.toString()));
            return arguments;
        }
        if (archiveExists()) {
            arguments.add("-XX:SharedArchiveFile=" + archive());
        }
        arguments.addAll(List.of("-jar", unpackedJar().toString()));
        return arguments;
    }

    private List<String> aheadOfTimeArguments() {
        return processedAheadOfTime() ? List.of(AOT_ENABLED) : List.of();
    }

    /** Unpacks the fat jar afresh; the archive is made by a run with {@link #trainingArguments(Path)}. */
    ProcessBuilder unpacking() {
        deleteDirectory();
        return new ProcessBuilder(
                javaCommand(),
                "-Djarmode=tools",
                "-jar",
                fatJar.toString(),
                "extract",
                "--destination",
                directory.toString());
    }

    /** @param logDir where a JVM crash report goes (the working directory is the project's root) */
    List<String> trainingArguments(Path logDir) {
        List<String> arguments = new ArrayList<>(aheadOfTimeArguments());
        arguments.addAll(List.of(
                "-XX:ArchiveClassesAtExit=" + archive(),
                "-XX:ErrorFile=" + logDir.resolve(name() + "-class-archive-hs_err_pid%p.log"),
                "-Dspring.context.exit=onRefresh",
                "-jar",
                unpackedJar().toString()));
        return arguments;
    }

    /**
     * Written last, once unpacked and trained. A training run that failed leaves no archive: JDK 17 can crash while
     * dumping one (JDK-8274944/8285914: a lambda whose interface is a pre-Java 6 class file, as in the clinic
     * view's FHIR libraries), and the unpacked jar alone still starts faster.
     */
    void markMade(boolean trained) {
        try {
            if (!trained) {
                Files.deleteIfExists(archive());
            }
            Files.writeString(stamp(), expectedStamp());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stamp(), e);
        }
    }

    /** Neither an archive nor a stamp: the next start unpacks and trains again. */
    void forget() {
        try {
            Files.deleteIfExists(archive());
            Files.deleteIfExists(stamp());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + archive(), e);
        }
    }

    boolean archiveExists() {
        return Files.isRegularFile(archive());
    }

    Path trainingLog(Path logDir) {
        return logDir.resolve(name() + "-class-archive.log");
    }

    private String expectedStamp() throws IOException {
        return Files.size(fatJar) + " " + Files.getLastModifiedTime(fatJar).toMillis() + " "
                + System.getProperty("java.runtime.version");
    }

    private String name() {
        return fatJar.getFileName().toString().replace(".jar", "");
    }

    private Path unpackedJar() {
        return directory.resolve(fatJar.getFileName());
    }

    private Path archive() {
        return directory.resolve("classes.jsa");
    }

    private Path stamp() {
        return directory.resolve("made-from");
    }

    private void deleteDirectory() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }

    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
