package org.carepath.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import org.carepath.bench.report.BenchReport;
import org.carepath.local.CarepathLocal;
import org.carepath.local.CarepathService;
import org.carepath.local.FleetStartException;
import org.carepath.local.LocalStack;
import org.carepath.local.PortInUseException;
import org.carepath.local.ServiceFleet;
import org.carepath.local.infra.InfraPorts;
import org.carepath.local.infra.Infrastructure;

/**
 * {@code deploy/carepath bench}: starts the local stack in a scratch folder on the normal ports, measures it
 * ({@link Bench}), writes the report under {@code .carepath/bench/} and stops everything it started, on success,
 * on failure and on SIGINT/SIGTERM alike.
 */
public final class CarepathBench {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter TITLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");
    private static final int USAGE = 64;
    private static final int FAILED = 1;

    private static volatile boolean stopping;

    private CarepathBench() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.println(BenchOptions.usage());
            System.exit(0);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (BenchUsageException e) {
            System.err.println("ERROR " + e.getMessage());
            System.err.println(BenchOptions.usage());
            System.exit(USAGE);
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String stamp = STAMP.format(now);
        Path root = CarepathLocal.projectRoot();
        Path benchDir = root.resolve(".carepath").resolve("bench");
        Path scratch = benchDir.resolve("run-" + stamp);
        Path reportFile = benchDir.resolve("bench-" + stamp + ".md");
        LocalStack stack = new LocalStack(root, scratch, out);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopping = true;
                            stack.stop();
                        },
                        "bench-stop"));
        int exitCode = 0;
        try {
            Map<CarepathService, Integer> servicePorts = options.services() ? ServiceFleet.defaultPorts() : Map.of();
            LocalStack.requireFreePorts(InfraPorts.defaults(), servicePorts);
            if (options.services()) {
                ServiceFleet.requireJars(root);
            }
            out.println("Bench: stack in " + scratch);
            Infrastructure infrastructure = stack.startInfrastructure(InfraPorts.defaults());
            ServiceFleet fleet =
                    options.services() ? stack.startServices(servicePorts, CarepathLocal.startTimeout()) : null;
            BenchReport report = new BenchReport(out);
            new Bench(
                            options,
                            infrastructure.kafkaBootstrapServers(),
                            fleet,
                            () -> stack.restartServices(servicePorts, CarepathLocal.startTimeout()),
                            Infrastructure.mongoFolder(scratch),
                            stamp,
                            () -> stopping,
                            report)
                    .run("Carepath bench, " + TITLE_TIME.format(now), commandLine(args), root.relativize(scratch));
            if (stopping) {
                out.println("The bench was stopped before it finished; no report written");
                return;
            }
            report.write(reportFile);
            out.println();
            out.print(report.markdown());
            out.println();
            out.println("Report written to " + reportFile);
        } catch (PortInUseException | FleetStartException | BenchUsageException e) {
            exitCode = failure(e.getMessage());
        } catch (RuntimeException e) {
            exitCode = failure(e.toString());
        } finally {
            stack.stop();
        }
        System.exit(exitCode);
    }

    /** A failure after Ctrl-C is the stop itself, not an error of the bench. */
    private static int failure(String message) {
        if (stopping) {
            return 0;
        }
        System.err.println("ERROR " + message);
        return FAILED;
    }

    private static String commandLine(String[] args) {
        return ("deploy/carepath bench " + String.join(" ", args)).strip();
    }
}
