package org.carepath.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.carepath.local.demo.Demo;
import org.carepath.local.demo.DemoEpisodes;
import org.carepath.local.demo.PathwayClient;
import org.carepath.local.infra.InfraPorts;
import org.carepath.local.infra.Infrastructure;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one-command local stack ({@code deploy/carepath up|demo|infra}). It stays in the foreground; SIGINT or
 * SIGTERM stops everything it started and keeps the data under {@code .carepath/}.
 */
public final class CarepathLocal {

    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);
    private static final int USAGE = 64;
    private static final int FAILED = 1;

    private enum Command {
        UP,
        DEMO,
        INFRA
    }

    private CarepathLocal() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(TokenCommand.run(args, out, System.err));
            return;
        }
        Command command = parse(args);
        if (command == null) {
            System.err.println(usage());
            System.exit(USAGE);
            return;
        }
        InfraPorts infraPorts = InfraPorts.defaults();
        Map<CarepathService, Integer> servicePorts = command == Command.INFRA ? Map.of() : ServiceFleet.defaultPorts();
        LocalStack stack = new LocalStack(projectRoot(), out);
        try {
            LocalStack.requireFreePorts(infraPorts, servicePorts);
            if (command != Command.INFRA) {
                ServiceFleet.requireJars(stack.projectRoot());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "carepath-stop"));
            Infrastructure infrastructure = stack.startInfrastructure(infraPorts);
            if (command == Command.INFRA) {
                out.println("READY kafka=" + infrastructure.kafkaBootstrapServers() + " mongodb="
                        + infrastructure.mongoUri());
            } else {
                ServiceFleet fleet = stack.startServices(servicePorts, startTimeout());
                out.println(readyLine(fleet, infrastructure));
                if (command == Command.DEMO) {
                    runDemo(stack, fleet, out);
                }
            }
            out.println("Press Ctrl-C to stop (the data stays in " + stack.dataDir() + ")");
            stack.awaitStop();
        } catch (PortInUseException | FleetStartException e) {
            fail(stack, e.getMessage());
        } catch (RuntimeException e) {
            fail(stack, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stack.stop();
        }
    }

    private static void fail(LocalStack stack, String message) {
        if (stack.isStopping()) {
            return; // a Ctrl-C during start-up: the shutdown hook is stopping what started, that is no error
        }
        System.err.println("ERROR " + message);
        stack.stop();
        System.exit(FAILED);
    }

    private static Command parse(String[] args) {
        if (args.length != 1) {
            return null;
        }
        return Stream.of(Command.values())
                .filter(command -> command.name().equalsIgnoreCase(args[0]))
                .findFirst()
                .orElse(null);
    }

    private static String usage() {
        return String.join(
                "\n",
                "usage: deploy/carepath up|demo|infra|token ROLE [--mrn MRN]",
                "  up     Kafka (127.0.0.1:9092), MongoDB (127.0.0.1:27017), the four services (8081-8084), the clinic",
                "         view with the operations dashboard (http://127.0.0.1:8085/) and the local authorization",
                "         server (127.0.0.1:9000)",
                "  demo   up, then send the sample episodes and print each one's pathway",
                "  infra  Kafka and MongoDB only, for running a service from the IDE",
                "  token  print an access token for ROLE from the running local stack (patient: --mrn MRN)",
                "Data and logs stay under .carepath/; Ctrl-C stops everything.");
    }

    /** The folder holding the modules: the working directory (deploy/carepath cds there), or -Dcarepath.root. */
    public static Path projectRoot() {
        return Path.of(System.getProperty("carepath.root", "")).toAbsolutePath().normalize();
    }

    /** How long the services may take to be ready: {@code CAREPATH_START_TIMEOUT_SECONDS}, else 180 s. */
    public static Duration startTimeout() {
        String seconds = System.getenv("CAREPATH_START_TIMEOUT_SECONDS");
        return seconds == null || seconds.isBlank()
                ? DEFAULT_START_TIMEOUT
                : Duration.ofSeconds(Long.parseLong(seconds.strip()));
    }

    static String readyLine(ServiceFleet fleet, Infrastructure infrastructure) {
        String services = Stream.of(CarepathService.values())
                .map(service -> service.artifactId() + "=" + fleet.baseUrl(service))
                .collect(Collectors.joining(" "));
        return "READY " + services + " dashboard=" + dashboardUrl(fleet) + " kafka="
                + infrastructure.kafkaBootstrapServers() + " mongodb=" + infrastructure.mongoUri()
                + " (tokens: deploy/carepath token ROLE)";
    }

    /** The operations dashboard: clinic-view-service's page at {@code /}. */
    static String dashboardUrl(ServiceFleet fleet) {
        return fleet.baseUrl(CarepathService.CLINIC_VIEW).resolve("/").toString();
    }

    private static void runDemo(LocalStack stack, ServiceFleet fleet, PrintStream out) {
        JsonMapper json = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        PathwayClient client = new PathwayClient(
                json,
                fleet.tokens()::forRole,
                fleet.baseUrl(CarepathService.INTAKE),
                fleet.baseUrl(CarepathService.TRIAGE),
                fleet.baseUrl(CarepathService.SCHEDULING),
                fleet.baseUrl(CarepathService.BILLING));
        try {
            new Demo(client, Clock.systemUTC(), stack::pauseUnlessStopping, out).run(DemoEpisodes.load(json));
            out.println();
            out.println("The operations dashboard: " + dashboardUrl(fleet)
                    + " (paste the token printed by: deploy/carepath token operations)");
        } catch (RuntimeException demoFailed) {
            // The stack itself is fine: say what went wrong and stay up, as `up` would.
            out.println("DEMO failed: " + demoFailed.getMessage());
        }
    }
}
