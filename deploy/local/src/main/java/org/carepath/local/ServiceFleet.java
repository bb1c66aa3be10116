package org.carepath.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The four services and the clinic view, each its own {@code java -Xmx256m} child process (the clinic view
 * {@code -Xmx640m}, for the FHIR validator) with the options of {@link #JIT_AND_GC} and {@value #JAVA_OPTIONS},
 * started in parallel against a given Kafka broker and MongoDB, each with its output in
 * {@code <logDir>/<service>.log}. Each runs from its unpacked jar with a class data sharing archive
 * ({@link ClassArchive}), made before the start when missing or stale, and from its application context processed
 * ahead of time when its jar holds one.
 *
 * <p>{@link #close()} stops them all (SIGTERM, then a forcible kill after a grace period). A JVM shutdown hook does
 * the same if the owner never closes the fleet, so no child outlives the JVM that started it.
 */
public final class ServiceFleet implements AutoCloseable {

    /** How often each local service sweeps its outbox collections for events a crash left behind. */
    static final String LOCAL_RECOVERY_INTERVAL = "6h";
    /** How long after its start a local service first sweeps them. */
    static final String LOCAL_FIRST_RECOVERY_AFTER = "60s";

    static final String JAVA_OPTIONS = "CAREPATH_SERVICE_JAVA_OPTIONS";

    /**
     * Five service JVMs, the broker and the store share the machine (two cores here). Measured with the benchmark at
     * 100/s with 2,000 stored: with the JVM's defaults, C2 compilation and G1 took about a third of the services' CPU
     * and the stack reached 48 reports/s (end-to-end p99 38 s); with C1 only and the serial collector it kept up
     * (99.9/s, p99 1.2 s), preloaded at 92/s instead of 34/s and was READY in 47 s instead of 97 s. Options given
     * in {@value #JAVA_OPTIONS} come after these, so they win. The metaspace starts large enough for a service's
     * classes: with the JVM's ~21 MB, every service stopped for a full collection while it started (150–330 ms each,
     * the clinic view three times; GC logs of a benchmark run).
     */
    static final List<String> JIT_AND_GC =
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:MetaspaceSize=128m");

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);
    private static final Duration CLASS_ARCHIVE_TRAINING_TIMEOUT = Duration.ofMinutes(4);
    // util-linux; it execs the command in a new session without forking, so the child's pid stays the JVM's
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    static final int CRASH_LOOP_SECONDS = 60;
    private static final Duration READY_AGAIN_PATIENCE = Duration.ofMinutes(10);

    private final List<Child> children;
    private final Launch launch;
    private final Set<Long> killedOnPurpose = ConcurrentHashMap.newKeySet();
    private final Path logDir;
    private final ReadinessProbe probe = new ReadinessProbe();
    private final Thread stopOnJvmExit = new Thread(this::close, "service-fleet-stop");
    private volatile boolean closed;
    private volatile Consumer<String> supervisor;

    /** A service's process; {@code again}: started again after the one before it exited. */
    private record Child(
            CarepathService service, int port, Path logFile, Process process, long startedAt, boolean again) {

        Child(CarepathService service, int port, Path logFile, Process process) {
            this(service, port, logFile, process, System.nanoTime(), false);
        }

        Duration lived() {
            return elapsedSince(startedAt);
        }

        URI baseUrl() {
            return URI.create("http://127.0.0.1:" + port);
        }
    }

    /** What each process is started with, so that one can be started again. */
    private record Launch(Path projectRoot, String kafkaBootstrap, String mongoUri, String issuer, String intakeUrl) {}

    private ServiceFleet(List<Child> children, Path logDir, Launch launch) {
        this.children = new CopyOnWriteArrayList<>(children);
        this.launch = launch;
        this.logDir = logDir;
        Runtime.getRuntime().addShutdownHook(stopOnJvmExit);
    }

    /**
     * Starts the four services, the clinic view and the local issuer on their contract ports (8081–8085, 9000); see
     * the overload.
     */
    public static ServiceFleet start(
            Path projectRoot,
            String kafkaBootstrap,
            String mongoUri,
            Path logDir,
            Duration timeout,
            Consumer<String> progress) {
        return start(projectRoot, kafkaBootstrap, mongoUri, logDir, timeout, progress, defaultPorts());
    }

    /**
     * Starts the four services in parallel and returns once every one answers its readiness probe.
     *
     * @param projectRoot where the jars are: {@code <root>/<svc>/target/<svc>-0.1.0-SNAPSHOT.jar}
     * @param kafkaBootstrap passed as {@code KAFKA_BOOTSTRAP_SERVERS}
     * @param mongoUri passed as {@code MONGODB_URI} (no database path: each service picks its own database)
     * @param logDir receives {@code <svc>.log}, each service's stdout and stderr (overwritten on each start)
     * @param timeout how long all four together may take to become ready
     * @param progress receives a line whenever a service comes up, and every few seconds while waiting
     * @param ports the port of each service, passed as {@code SERVER_PORT}
     * @throws FleetStartException when a jar is missing, a service exits during start-up or the timeout passes;
     *     every child already started is stopped first
     */
    public static ServiceFleet start(
            Path projectRoot,
            String kafkaBootstrap,
            String mongoUri,
            Path logDir,
            Duration timeout,
            Consumer<String> progress,
            Map<CarepathService, Integer> ports) {
        ServiceFleet fleet = launch(projectRoot, kafkaBootstrap, mongoUri, logDir, ports, progress);
        try {
            fleet.awaitReady(timeout, progress);
            return fleet;
        } catch (RuntimeException failed) {
            fleet.close();
            throw failed;
        }
    }

    /**
     * The contract's ports: intake 8081, triage 8082, scheduling 8083, billing 8084, clinic view 8085, the local
     * issuer 9000.
     */
    public static Map<CarepathService, Integer> defaultPorts() {
        Map<CarepathService, Integer> ports = new EnumMap<>(CarepathService.class);
        for (CarepathService service : CarepathService.values()) {
            ports.put(service, service.defaultPort());
        }
        return Map.copyOf(ports);
    }

    /**
     * Starts the processes without waiting; {@link #awaitReady} waits. The caller owns the fleet at once. A service
     * whose {@link ClassArchive} is missing or stale gets it made first, which takes a training run of each such
     * service (once per build).
     */
    static ServiceFleet launch(
            Path projectRoot,
            String kafkaBootstrap,
            String mongoUri,
            Path logDir,
            Map<CarepathService, Integer> ports,
            Consumer<String> progress) {
        requireJars(projectRoot);
        createDirectories(logDir);
        String issuer = "http://127.0.0.1:" + requirePort(ports, CarepathService.AUTHORIZATION_SERVER);
        // clinic-view records FHIR DiagnosticReports through intake's REST API, on whatever port intake has.
        String intakeUrl = "http://127.0.0.1:" + requirePort(ports, CarepathService.INTAKE);
        Launch launch = new Launch(projectRoot, kafkaBootstrap, mongoUri, issuer, intakeUrl);
        new ClassArchiveTraining(projectRoot, logDir, CLASS_ARCHIVE_TRAINING_TIMEOUT, progress)
                .makeMissing(
                        List.of(CarepathService.values()),
                        (service, arguments) ->
                                processBuilder(launch, service, requirePort(ports, service), arguments));
        List<Child> started = new ArrayList<>();
        try {
            for (CarepathService service : CarepathService.values()) {
                int port = requirePort(ports, service);
                Path logFile = logDir.resolve(service.artifactId() + ".log");
                Process process = startProcess(launch, service, port, logFile, Start.WITH_THE_FLEET);
                started.add(new Child(service, port, logFile, process));
            }
            return new ServiceFleet(started, logDir, launch);
        } catch (RuntimeException failed) {
            started.forEach(child -> child.process().destroyForcibly());
            throw failed;
        }
    }

    /** @throws FleetStartException naming the first service whose jar is not built */
    public static void requireJars(Path projectRoot) {
        for (CarepathService service : CarepathService.values()) {
            Path jar = service.jar(projectRoot);
            if (!Files.isRegularFile(jar)) {
                throw FleetStartException.missingJar(service, jar);
            }
        }
    }

    private static int requirePort(Map<CarepathService, Integer> ports, CarepathService service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException("no port given for " + service.artifactId());
        }
        return port;
    }

    /** How a service's process is started: with the fleet, or again after it died. */
    private enum Start {
        /** The last run's log is kept aside; the process shares the launcher's session. */
        WITH_THE_FLEET,
        /**
         * The log goes on; the process gets a session of its own. Linux shares the CPU between sessions
         * (autogroup) before it shares it between threads: on two cores busy with the load, a JVM starting among
         * the others' hundred threads got about a fifth of a core, and its recovery took as long as its start-up.
         */
        AGAIN
    }

    private static Process startProcess(Launch launch, CarepathService service, int port, Path logFile, Start start) {
        ProcessBuilder builder = processBuilder(
                        launch,
                        service,
                        port,
                        ClassArchive.of(service, launch.projectRoot()).launchArguments())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        try {
            if (start == Start.WITH_THE_FLEET && Files.exists(logFile)) {
                // the last run's log is what tells why it ended (a crash, a kill): kept beside the new one
                Files.move(logFile, previousLog(logFile), StandardCopyOption.REPLACE_EXISTING);
            }
            if (start == Start.AGAIN && Files.isExecutable(SETSID)) {
                builder.command().add(0, SETSID.toString());
            }
            return builder.start();
        } catch (IOException e) {
            throw new FleetStartException("could not start " + service.artifactId() + ": " + e.getMessage(), e);
        }
    }

    /** {@code intake-service.log} → {@code intake-service.previous.log}. */
    static Path previousLog(Path logFile) {
        String name = logFile.getFileName().toString();
        return logFile.resolveSibling(name.replaceFirst("\\.log$", "") + ".previous.log");
    }

    /** The service's JVM with its options and environment; {@code launchArguments} name what it runs. */
    private static ProcessBuilder processBuilder(
            Launch launch, CarepathService service, int port, List<String> launchArguments) {
        List<String> command = new ArrayList<>();
        command.add(ClassArchive.javaCommand());
        // clinic-view holds HAPI's full R4 validator (about 210 MB) for inbound reports
        command.add(service == CarepathService.CLINIC_VIEW ? "-Xmx640m" : "-Xmx256m");
        command.addAll(JIT_AND_GC);
        command.addAll(extraJavaOptions());
        command.addAll(launchArguments);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(launch.projectRoot().toFile());
        Map<String, String> environment = builder.environment();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", launch.kafkaBootstrap());
        environment.put("MONGODB_URI", launch.mongoUri());
        environment.put("SERVER_PORT", Integer.toString(port));
        // The services check tokens against the local issuer; the issuer names itself by the same URI.
        environment.put("CAREPATH_ISSUER_URI", launch.issuer());
        environment.put("CAREPATH_INTAKE_URL", launch.intakeUrl());
        // The wire server has no secondary index, so the outbox recovery sweep's filter reads every document of a
        // collection (and H2 failed such long reads with "Chunk not found" while compacting, under the benchmark
        // with 78,000 stored). Here each service runs alone: its unsent events wait in memory and its start-up
        // sweep recovers what a crash left, so the periodic sweep, for an instance that died for good, runs rarely.
        environment.putIfAbsent("CAREPATH_OUTBOX_RECOVERYINTERVAL", LOCAL_RECOVERY_INTERVAL);
        // On the wire server that read goes through every document of each outbox collection, and a scheduling
        // service restarted under 100 episodes/s sent its first event only after it (15 s). A minute later, the
        // restarted service sends what it writes at once; what a crash left goes out then.
        environment.putIfAbsent("CAREPATH_OUTBOX_FIRSTRECOVERYAFTER", LOCAL_FIRST_RECOVERY_AFTER);
        return builder;
    }

    /** JVM options for every service, from {@value #JAVA_OPTIONS} (space-separated); none by default. */
    static List<String> extraJavaOptions() {
        String options = System.getenv(JAVA_OPTIONS);
        return options == null || options.isBlank()
                ? List.of()
                : List.of(options.strip().split("\\s+"));
    }

    /** Waits until every service is ready; fails as soon as one exits, or when the timeout passes. */
    void awaitReady(Duration timeout, Consumer<String> progress) {
        long startedAt = System.nanoTime();
        long lastReportAt = startedAt;
        Set<CarepathService> ready = EnumSet.noneOf(CarepathService.class);
        while (true) {
            for (Child child : children) {
                if (!child.process().isAlive()) {
                    throw FleetStartException.exited(
                            child.service(), child.process().exitValue(), child.logFile());
                }
                if (!ready.contains(child.service()) && probe.isReady(child.baseUrl())) {
                    ready.add(child.service());
                    progress.accept(child.service().artifactId() + " is up at " + child.baseUrl() + " ("
                            + elapsedSince(startedAt).toSeconds() + " s)");
                }
            }
            if (ready.size() == children.size()) {
                return;
            }
            Duration elapsed = elapsedSince(startedAt);
            List<CarepathService> waitingFor = children.stream()
                    .map(Child::service)
                    .filter(service -> !ready.contains(service))
                    .toList();
            if (elapsed.compareTo(timeout) > 0) {
                throw FleetStartException.timedOut(waitingFor, timeout, logDir);
            }
            if (elapsedSince(lastReportAt).compareTo(PROGRESS_INTERVAL) >= 0) {
                progress.accept(progressLine(elapsed, ready, waitingFor));
                lastReportAt = System.nanoTime();
            }
            waitForAnExit(POLL_INTERVAL);
        }
    }

    private static String progressLine(Duration elapsed, Set<CarepathService> ready, List<CarepathService> waiting) {
        String up = ready.isEmpty() ? "none" : names(List.copyOf(ready));
        return elapsed.toSeconds() + " s: up " + up + "; starting " + names(waiting);
    }

    private static String names(List<CarepathService> services) {
        return services.stream().map(CarepathService::artifactId).collect(Collectors.joining(", "));
    }

    private static Duration elapsedSince(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    /** Pauses between polls, but wakes at once if a child exits, so a crash is reported without delay. */
    private void waitForAnExit(Duration pause) {
        CompletableFuture<?>[] exits =
                children.stream().map(child -> child.process().onExit()).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.anyOf(exits).get(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException nothingExited) {
            // the usual case: poll again
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new FleetStartException("interrupted while waiting for the services to start", interrupted);
        }
    }

    /**
     * From now on, a service that exits while the fleet is open (a crash, a {@code kill -9} from outside) is started
     * again at once, on its port, with its log going on, in a session of its own ({@link Start#AGAIN}); what happens
     * goes to {@code progress}. One that exits again within {@value #CRASH_LOOP_SECONDS} s of being started again is
     * left down: that is a fault to read in its log, not a blip.
     */
    public void superviseExits(Consumer<String> progress) {
        supervisor = progress;
        children.forEach(this::watch);
    }

    private void watch(Child child) {
        Consumer<String> progress = supervisor;
        if (progress == null) {
            return;
        }
        child.process().onExit().thenAccept(process -> {
            if (closed || killedOnPurpose.contains(process.pid())) {
                return;
            }
            long lived = child.lived().toSeconds();
            String exited = "WARNING " + child.service().artifactId() + " exited unexpectedly (exit code "
                    + process.exitValue() + ") after " + lived + " s; ";
            if (child.again() && lived < CRASH_LOOP_SECONDS) {
                progress.accept(exited + "not started again, it had just been; see " + child.logFile());
                return;
            }
            progress.accept(exited + "starting it again; see " + child.logFile());
            startAgain(child).ifPresent(again -> {
                watch(again);
                reportWhenReady(again, progress);
            });
        });
    }

    private void reportWhenReady(Child child, Consumer<String> progress) {
        Thread watcher = new Thread(
                () -> {
                    try {
                        if (readyWithin(child, READY_AGAIN_PATIENCE)) {
                            progress.accept(child.service().artifactId() + " READY again after "
                                    + child.lived().toSeconds() + " s");
                        } else if (child.process().isAlive() && !closed) {
                            progress.accept("WARNING " + child.service().artifactId() + " not READY again within "
                                    + READY_AGAIN_PATIENCE.toMinutes() + " min; see " + child.logFile());
                        }
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                },
                "service-fleet-ready-" + child.service().artifactId());
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Polls the child's readiness until it answers (true), or it exits, the fleet closes or {@code timeout} passes. */
    private boolean readyWithin(Child child, Duration timeout) throws InterruptedException {
        while (!probe.isReady(child.baseUrl())) {
            if (!child.process().isAlive() || closed || child.lived().compareTo(timeout) > 0) {
                return false;
            }
            child.process().waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /** Starts the service again in place of {@code exited}; nothing once the fleet is closing. */
    private synchronized Optional<Child> startAgain(Child exited) {
        if (closed) {
            return Optional.empty();
        }
        Process process = startProcess(launch, exited.service(), exited.port(), exited.logFile(), Start.AGAIN);
        Child again = new Child(exited.service(), exited.port(), exited.logFile(), process, System.nanoTime(), true);
        children.set(children.indexOf(exited), again);
        return Optional.of(again);
    }

    /**
     * Kills one service at once ({@code SIGKILL}: no shutdown hook runs, nothing is flushed), starts it again on the
     * same port with its output appended to the same log, and waits until it is ready. Returns how long the new
     * process took from its start to ready.
     *
     * @throws FleetStartException when the new process exits or is not ready within {@code timeout}
     */
    public Duration killAndRestart(CarepathService service, Duration timeout) {
        Child killed = child(service);
        killedOnPurpose.add(killed.process().pid());
        killed.process().destroyForcibly();
        try {
            killed.process().onExit().get(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new FleetStartException(service.artifactId() + " did not exit on SIGKILL", e);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new FleetStartException("interrupted while killing " + service.artifactId(), interrupted);
        }
        Child restarted = startAgain(killed)
                .orElseThrow(
                        () -> new FleetStartException("the fleet closed while restarting " + service.artifactId()));
        watch(restarted);
        boolean ready;
        try {
            ready = readyWithin(restarted, timeout);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new FleetStartException("interrupted while restarting " + service.artifactId(), interrupted);
        }
        if (!ready && !restarted.process().isAlive()) {
            throw FleetStartException.exited(service, restarted.process().exitValue(), restarted.logFile());
        }
        if (!ready) {
            throw FleetStartException.timedOut(List.of(service), timeout, logDir);
        }
        return restarted.lived();
    }

    /** Access tokens from the fleet's own authorization server. */
    public LocalTokens tokens() {
        return new LocalTokens(baseUrl(CarepathService.AUTHORIZATION_SERVER));
    }

    public URI baseUrl(CarepathService service) {
        return child(service).baseUrl();
    }

    public int port(CarepathService service) {
        return child(service).port();
    }

    public Path logFile(CarepathService service) {
        return child(service).logFile();
    }

    /** The process ids of the running children, for diagnostics and tests. */
    public Map<CarepathService, Long> pids() {
        return children.stream().collect(Collectors.toUnmodifiableMap(Child::service, child -> child.process()
                .pid()));
    }

    private Child child(CarepathService service) {
        return children.stream()
                .filter(child -> child.service() == service)
                .findFirst()
                .orElseThrow();
    }

    /** Stops every child: SIGTERM so Spring shuts down gracefully, then a forcible kill after a grace period. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Child child : children) {
            child.process().descendants().forEach(ProcessHandle::destroy);
            child.process().destroy();
        }
        awaitExits(STOP_GRACE);
        for (Child child : children) {
            if (child.process().isAlive()) {
                child.process().destroyForcibly();
            }
        }
        awaitExits(KILL_GRACE);
        forgetShutdownHook();
    }

    private void awaitExits(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        for (Child child : children) {
            long remaining = Math.max(0, deadline - System.nanoTime());
            try {
                child.process().waitFor(remaining, TimeUnit.NANOSECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void forgetShutdownHook() {
        if (Thread.currentThread() == stopOnJvmExit) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnJvmExit);
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
            // the hook is running or will run; close() is idempotent
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }
}
