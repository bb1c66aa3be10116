package org.carepath.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
                                + ServiceFleet.LOCAL_RECOVERY_INTERVAL + " "
                                + ServiceFleet.LOCAL_FIRST_RECOVERY_AFTER);
                assertThat(fleet.logFile(service)).isEqualTo(logDir().resolve(service.artifactId() + ".log"));
                assertThat(Files.readString(fleet.logFile(service))).startsWith("pid=");
            }
            assertThat(progress).filteredOn(line -> line.contains(" is up at ")).hasSize(6);
        }

        assertThat(pids).hasSize(6).allSatisfy(pid -> assertThat(isAlive(pid)).isFalse());
        assertThat(childrenRunningFrom(root)).isEmpty();
    }

    @Test
    void aNewStartKeepsTheLastRunsLogBesideItsOwn() throws Exception {
        FakeJars.projectWithHealthyServices(root);
        Path triageLog = logDir().resolve("triage-service.log");
        Files.createDirectories(logDir());
        Files.writeString(triageLog, "what the killed run printed\n");

        try (ServiceFleet fleet = start(freePorts(), TIMEOUT)) {
            assertThat(Files.readString(fleet.logFile(CarepathService.TRIAGE))).startsWith("pid=");
        }

        assertThat(logDir().resolve("triage-service.previous.log")).hasContent("what the killed run printed");
    }

    @Test
    void aKilledServiceStartsAgainInASessionOfItsOwnWithItsLogGoingOn() throws Exception {
        FakeJars.projectWithHealthyServices(root);

        try (ServiceFleet fleet = start(freePorts(), TIMEOUT)) {
            long before = fleet.pids().get(CarepathService.SCHEDULING);

            fleet.killAndRestart(CarepathService.SCHEDULING, TIMEOUT);

            long after = fleet.pids().get(CarepathService.SCHEDULING);
            assertThat(after).isNotEqualTo(before);
            assertThat(isAlive(before)).isFalse();
            assertThat(Files.readAllLines(fleet.logFile(CarepathService.SCHEDULING)))
                    .filteredOn(line -> line.startsWith("pid="))
                    .containsExactly("pid=" + before, "pid=" + after);
            assertThat(sessionOf(after))
                    .isEqualTo(after)
                    .isNotEqualTo(sessionOf(ProcessHandle.current().pid()));
            assertThat(sessionOf(fleet.pids().get(CarepathService.TRIAGE)))
                    .isEqualTo(sessionOf(ProcessHandle.current().pid()));
        }
    }

    @Test
    void aServiceKilledFromOutsideIsStartedAgainOnceAndLeftDownWhenItDiesAgainAtOnce() throws Exception {
        FakeJars.projectWithHealthyServices(root);

        try (ServiceFleet fleet = start(freePorts(), TIMEOUT)) {
            fleet.superviseExits(progress::add);
            long first = fleet.pids().get(CarepathService.BILLING);

            ProcessHandle.of(first).orElseThrow().destroyForcibly();

            await().atMost(TIMEOUT)
                    .until(() -> progress.stream().anyMatch(line -> line.startsWith("billing-service READY again")));
            long second = fleet.pids().get(CarepathService.BILLING);
            assertThat(second).isNotEqualTo(first);
            assertThat(isAlive(second)).isTrue();
            assertThat(sessionOf(second)).isEqualTo(second);
            assertThat(progress).anySatisfy(line -> assertThat(line)
                    .startsWith("WARNING billing-service exited unexpectedly (exit code 137)")
                    .contains("starting it again; see " + logDir().resolve("billing-service.log")));

            ProcessHandle.of(second).orElseThrow().destroyForcibly();

            await().atMost(TIMEOUT).until(() -> progress.stream().anyMatch(line -> line.contains("not started again")));
            assertThat(fleet.pids().get(CarepathService.BILLING)).isEqualTo(second);
            assertThat(progress)
                    .filteredOn(line -> line.contains("starting it again"))
                    .hasSize(1);
        }
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

    /** The session id, field 6 of {@code /proc/<pid>/stat} (after the command name, which may hold spaces). */
    private static long sessionOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]);
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
