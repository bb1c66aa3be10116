package org.carepath.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceFleetTest {

    private static final String KAFKA = "127.0.0.1:19092";
    private static final String MONGODB = "mongodb://127.0.0.1:37017";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path root;

    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Test
    void startsTheServicesTheClinicViewAndTheIssuerOnTheGivenPortsWithTheBrokerAndDatabaseAddresses() throws Exception {
        FakeJars.projectWithHealthyServices(root);
        Map<CarepathService, Integer> ports = freePorts();
        Collection<Long> pids;

        try (ServiceFleet fleet = start(ports, TIMEOUT)) {
            pids = fleet.pids().values();

            for (CarepathService service : CarepathService.values()) {
                assertThat(fleet.port(service)).isEqualTo(ports.get(service));
                assertThat(fleet.baseUrl(service)).isEqualTo(URI.create("http://127.0.0.1:" + ports.get(service)));
                assertThat(get(fleet.baseUrl(service).resolve("/env")))
                        .isEqualTo(KAFKA + " " + MONGODB + " http://127.0.0.1:"
                                + ports.get(CarepathService.AUTHORIZATION_SERVER) + " "
                                + ServiceFleet.LOCAL_RECOVERY_INTERVAL);
                assertThat(fleet.logFile(service)).isEqualTo(logDir().resolve(service.artifactId() + ".log"));
                assertThat(Files.readString(fleet.logFile(service))).startsWith("pid=");
            }
            assertThat(progress).filteredOn(line -> line.contains(" is up at ")).hasSize(6);
        }

        assertThat(pids).hasSize(6).allSatisfy(pid -> assertThat(isAlive(pid)).isFalse());
        assertThat(childrenRunningFrom(root)).isEmpty();
    }

    @Test
    void namesTheServiceThatExitsDuringStartUpAndStopsTheOthers() throws IOException {
        FakeJars.projectWith(root, CarepathService.TRIAGE, FakeService.Crashing.class);

        assertThatThrownBy(() -> start(freePorts(), TIMEOUT))
                .isInstanceOf(FleetStartException.class)
                .hasMessage("triage-service exited during start-up (exit code 3); see "
                        + logDir().resolve("triage-service.log"));

        assertThat(childrenRunningFrom(root)).isEmpty();
    }

    @Test
    void timesOutNamingTheServiceThatNeverBecomesReadyAndItsLog() throws IOException {
        FakeJars.projectWith(root, CarepathService.BILLING, FakeService.NeverReady.class);

        assertThatThrownBy(() -> start(freePorts(), Duration.ofSeconds(3)))
                .isInstanceOf(FleetStartException.class)
                .hasMessage("billing-service not ready after 3 s; see " + logDir().resolve("billing-service.log"));

        assertThat(childrenRunningFrom(root)).isEmpty();
    }

    @Test
    void refusesToStartWhenAJarIsMissing() {
        assertThatThrownBy(() -> start(freePorts(), TIMEOUT))
                .isInstanceOf(FleetStartException.class)
                .hasMessageStartingWith("intake-service jar is missing: "
                        + root.resolve("intake-service/target/intake-service-0.1.0-SNAPSHOT.jar"));
    }

    @Test
    void usesTheContractPortsByDefault() {
        assertThat(ServiceFleet.defaultPorts())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        CarepathService.INTAKE, 8081,
                        CarepathService.TRIAGE, 8082,
                        CarepathService.SCHEDULING, 8083,
                        CarepathService.BILLING, 8084,
                        CarepathService.CLINIC_VIEW, 8085,
                        CarepathService.AUTHORIZATION_SERVER, 9000));
    }

    private ServiceFleet start(Map<CarepathService, Integer> ports, Duration timeout) {
        return ServiceFleet.start(root, KAFKA, MONGODB, logDir(), timeout, progress::add, ports);
    }

    private Path logDir() {
        return root.resolve(".carepath/logs");
    }

    /** Child processes of this JVM whose command line names a jar under {@code projectRoot}. */
    private static List<ProcessHandle> childrenRunningFrom(Path projectRoot) {
        return ProcessHandle.current()
                .children()
                .filter(ProcessHandle::isAlive)
                .filter(child -> child.info()
                        .commandLine()
                        .map(line -> line.contains(projectRoot.toString()))
                        .orElse(false))
                .toList();
    }

    private static Map<CarepathService, Integer> freePorts() {
        Map<CarepathService, Integer> ports = new EnumMap<>(CarepathService.class);
        for (CarepathService service : CarepathService.values()) {
            ports.put(service, FreePorts.next());
        }
        return ports;
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
