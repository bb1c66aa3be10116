package org.carepath.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Makes the {@link ClassArchive}s that are missing or stale before the services start: every jar unpacked, then
 * every training run at once, each against the same broker and store as the service it trains (its context refresh
 * declares indexes). Runs once per build of a jar. A failed unpacking is reported and that service starts from its
 * fat jar; a training run that failed by itself is reported and that service starts from its unpacked jar without an
 * archive, until the jar is built again; a training run that timed out (a slow machine, a store not answering) is
 * reported, that service starts from its fat jar, and the next start tries again.
 */
final class ClassArchiveTraining {

    private static final Duration UNPACK_TIMEOUT = Duration.ofMinutes(1);

    private enum Ending {
        CLEAN,
        FAILED,
        TIMED_OUT
    }

    private final Path projectRoot;
    private final Path logDir;
    private final Consumer<String> progress;
    private final Duration trainingTimeout;

    /**
     * @param trainingTimeout how long a training run may take before it is stopped and tried again at the next start
     * @param progress receives what is being made and anything that failed (the service then starts without it)
     */
    ClassArchiveTraining(Path projectRoot, Path logDir, Duration trainingTimeout, Consumer<String> progress) {
        this.projectRoot = projectRoot;
        this.logDir = logDir;
        this.trainingTimeout = trainingTimeout;
        this.progress = progress;
    }

    /**
     * @param launcher the service's own process, JVM options and environment included, with these arguments after
     *     its JVM options
     */
    void makeMissing(
            Collection<CarepathService> services, BiFunction<CarepathService, List<String>, ProcessBuilder> launcher) {
        Map<CarepathService, ClassArchive> stale = new EnumMap<>(CarepathService.class);
        for (CarepathService service : services) {
            ClassArchive archive = ClassArchive.of(service, projectRoot);
            if (archive.applies() && !archive.isCurrent()) {
                stale.put(service, archive);
            }
        }
        if (stale.isEmpty()) {
            return;
        }
        long startedAt = System.nanoTime();
        progress.accept("Archiving the start-up classes of " + names(stale.keySet())
                + " (once per build; the starts after it are quicker)");
        Map<CarepathService, Process> unpacking = new EnumMap<>(CarepathService.class);
        stale.forEach((service, archive) ->
                start(service, archive.unpacking(), archive).ifPresent(process -> unpacking.put(service, process)));
        Map<CarepathService, Process> training = new EnumMap<>(CarepathService.class);
        unpacking.forEach((service, process) -> {
            if (ending(service, process, UNPACK_TIMEOUT, "unpacking") == Ending.CLEAN) {
                ClassArchive archive = stale.get(service);
                start(service, launcher.apply(service, archive.trainingArguments(logDir)), archive)
                        .ifPresent(started -> training.put(service, started));
            }
        });
        training.forEach((service, process) -> settle(service, stale.get(service), process));
        progress.accept(
                "Archived in " + Duration.ofNanos(System.nanoTime() - startedAt).toSeconds() + " s");
    }

    /** Waits for a training run and records its outcome; a timeout is not remembered, so it is tried again. */
    void settle(CarepathService service, ClassArchive archive, Process training) {
        switch (ending(service, training, trainingTimeout, "training run")) {
            case CLEAN -> archive.markMade(archive.archiveExists());
            case FAILED -> archive.markMade(false);
            case TIMED_OUT -> archive.forget();
        }
    }

    private Optional<Process> start(CarepathService service, ProcessBuilder builder, ClassArchive archive) {
        try {
            return Optional.of(builder.redirectErrorStream(true)
                    .redirectOutput(archive.trainingLog(logDir).toFile())
                    .start());
        } catch (IOException e) {
            progress.accept("WARNING could not archive " + service.artifactId() + "'s classes (" + e.getMessage()
                    + "); it starts from its jar");
            return Optional.empty();
        }
    }

    private Ending ending(CarepathService service, Process process, Duration timeout, String what) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                warn(
                        service,
                        what + " did not end within " + timeout.toSeconds() + " s; tried again at the next start");
                return Ending.TIMED_OUT;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new FleetStartException("interrupted while archiving classes", interrupted);
        }
        if (process.exitValue() != 0) {
            warn(service, what + " exited with " + process.exitValue());
            return Ending.FAILED;
        }
        return Ending.CLEAN;
    }

    private void warn(CarepathService service, String what) {
        progress.accept("WARNING " + service.artifactId() + "'s classes not archived: " + what + "; see "
                + ClassArchive.of(service, projectRoot).trainingLog(logDir));
    }

    private static String names(Collection<CarepathService> services) {
        return services.stream().map(CarepathService::artifactId).collect(Collectors.joining(", "));
    }
}
