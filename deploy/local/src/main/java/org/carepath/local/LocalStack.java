package org.carepath.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.carepath.local.infra.InfraPorts;
import org.carepath.local.infra.Infrastructure;

/**
 * The running local stack: the infrastructure, then the services. {@link #stop()} may come from a JVM shutdown
 * hook at any point of start-up, so each part is published as soon as it exists.
 */
public final class LocalStack {

    private final Path projectRoot;
    private final Path dataDir;
    private final PrintStream out;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Infrastructure infrastructure;
    private volatile ServiceFleet fleet;

    /** A stack keeping its data and logs under {@code <projectRoot>/.carepath}. */
    public LocalStack(Path projectRoot, PrintStream out) {
        this(projectRoot, projectRoot.resolve(".carepath"), out);
    }

    /** A stack keeping its data and logs under {@code dataDir} (the benchmark's scratch folder). */
    public LocalStack(Path projectRoot, Path dataDir, PrintStream out) {
        this.projectRoot = projectRoot;
        this.dataDir = dataDir;
        this.out = out;
    }

    public Path projectRoot() {
        return projectRoot;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logDir() {
        return dataDir().resolve("logs");
    }

    public static void requireFreePorts(InfraPorts infraPorts, Map<CarepathService, Integer> servicePorts) {
        List<NamedPort> wanted = new ArrayList<>(infraPorts.named());
        servicePorts.forEach((service, port) -> wanted.add(new NamedPort(service.artifactId(), port)));
        wanted.sort(Comparator.comparingInt(NamedPort::port));
        Ports.requireFree(wanted);
    }

    public Infrastructure startInfrastructure(InfraPorts ports) {
        out.println("Starting Kafka (KRaft) on 127.0.0.1:" + ports.kafka() + " and MongoDB on 127.0.0.1:"
                + ports.mongodb() + ", data in " + dataDir());
        infrastructure = Infrastructure.start(dataDir(), ports);
        out.println("Kafka and MongoDB are up");
        return infrastructure;
    }

    public ServiceFleet startServices(Map<CarepathService, Integer> ports, Duration timeout) {
        out.println("Starting the four services and the clinic view; their output goes to " + logDir());
        Consumer<String> progress = line -> out.println("  " + line);
        fleet = ServiceFleet.launch(
                projectRoot,
                infrastructure.kafkaBootstrapServers(),
                infrastructure.mongoUri(),
                logDir(),
                ports,
                progress);
        fleet.awaitReady(timeout, progress);
        fleet.superviseExits(out::println);
        return fleet;
    }

    /**
     * Stops the services and starts them again over the same broker and store; returns how long the start took,
     * from launching the processes to every one ready.
     */
    public synchronized Duration restartServices(Map<CarepathService, Integer> ports, Duration timeout) {
        if (fleet != null) {
            fleet.close();
            fleet = null;
        }
        long start = System.nanoTime();
        startServices(ports, timeout);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Waits for {@code duration}; answers {@code false} at once when the stack is stopping. */
    boolean pauseUnlessStopping(Duration duration) {
        try {
            return !stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isStopping() {
        return stopped.getCount() == 0;
    }

    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** The services first, then Kafka, then MongoDB; the data stays. Safe to call more than once. */
    public synchronized void stop() {
        if (isStopping()) {
            return;
        }
        stopped.countDown();
        if (fleet == null && infrastructure == null) {
            return;
        }
        if (fleet != null) {
            out.println("Stopping the services");
            fleet.close();
        }
        if (infrastructure != null) {
            out.println("Stopping Kafka and MongoDB (data kept in " + dataDir() + ")");
            infrastructure.close();
        }
        out.println("Stopped");
    }
}
