package org.carepath.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.carepath.bench.baseline.BaselineDriver;
import org.carepath.bench.baseline.BaselinePipeline;
import org.carepath.bench.fault.BookingLedger;
import org.carepath.bench.fault.KillDuringStep;
import org.carepath.bench.kafka.ConsumerLag;
import org.carepath.bench.kafka.TopicFollower;
import org.carepath.bench.kafka.TopicPartitions;
import org.carepath.bench.load.StepDriver;
import org.carepath.bench.load.StepRunner;
import org.carepath.bench.measure.IdleCpu;
import org.carepath.bench.measure.StepResult;
import org.carepath.bench.pipeline.IntakeClient;
import org.carepath.bench.pipeline.IntakeDriver;
import org.carepath.bench.pipeline.Preload;
import org.carepath.bench.pipeline.PreloadResult;
import org.carepath.bench.pipeline.ServiceTopics;
import org.carepath.bench.pipeline.SyntheticReports;
import org.carepath.bench.report.BenchReport;
import org.carepath.bench.report.MarkdownTable;
import org.carepath.bench.report.Numbers;
import org.carepath.bench.report.RatioTable;
import org.carepath.bench.report.StepTable;
import org.carepath.bench.store.CommandScraper;
import org.carepath.bench.store.CommandsTable;
import org.carepath.bench.store.Scrape;
import org.carepath.bench.store.StoreSize;
import org.carepath.local.CarepathLocal;
import org.carepath.local.CarepathService;
import org.carepath.local.LocalTokens;
import org.carepath.local.ServiceFleet;
import tools.jackson.databind.json.JsonMapper;

/** One bench run against a started stack: preload, the services' steps, the baseline's steps, the report. */
final class Bench {

    /** The services' topics get this many partitions unless KAFKA_MIN_PARTITIONS says otherwise. */
    private static final int SERVICES_DEFAULT_PARTITIONS = 3;

    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final double WARM_UP_MAX_RATE = 20;
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SETTLE_CHECK = Duration.ofMillis(500);
    private static final Duration IDLE_SETTLE = Duration.ofSeconds(30);
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(60);
    private static final double KILL_RATE = 100;
    private static final int KILL_STRAGGLER_MINUTES = 3;

    private final BenchOptions options;
    private final String bootstrapServers;
    private final ServiceFleet fleet;
    private final Path storeFolder;
    private final String runTag;
    private final BooleanSupplier stopping;
    private final BenchReport report;
    private final StepRunner runner;
    private final AtomicLong storedEpisodes = new AtomicLong();

    private final List<String> preloadSection = new ArrayList<>();
    private final List<String> commandsSection = new ArrayList<>();
    private final List<String> storeSection = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> idleSection = new ArrayList<>();
    private final List<String> killSection = new ArrayList<>();
    private final Supplier<Duration> restartServices;

    /**
     * @param fleet the running services; null when only the baseline runs
     * @param restartServices stops the services and starts them again, returning how long the start took
     */
    Bench(
            BenchOptions options,
            String bootstrapServers,
            ServiceFleet fleet,
            Supplier<Duration> restartServices,
            Path storeFolder,
            String runTag,
            BooleanSupplier stopping,
            BenchReport report) {
        this.restartServices = restartServices;
        this.options = options;
        this.bootstrapServers = bootstrapServers;
        this.fleet = fleet;
        this.storeFolder = storeFolder;
        this.runTag = runTag;
        this.stopping = stopping;
        this.report = report;
        this.runner = new StepRunner(bootstrapServers, stopping, report::progress);
    }

    void run(String title, String commandLine, Path scratchDir) {
        int partitions = partitions();
        List<StepResult> services = options.services() ? runServices() : List.of();
        List<StepResult> baseline =
                options.baseline() && !stopping.getAsBoolean() ? runBaseline(partitions) : List.of();
        header(title, commandLine, scratchDir, partitions);
        report.lines(preloadSection);
        if (options.services()) {
            report.line("## Services: reports POSTed to intake, each followed on the topics to its estimate")
                    .blank()
                    .lines(StepTable.table("HTTP 202", services).lines())
                    .blank();
        }
        if (options.baseline()) {
            report.line("## Raw Kafka baseline: four kafka-clients relays over the same broker, ~1 KB messages")
                    .blank()
                    .lines(StepTable.table("broker ack", baseline).lines())
                    .blank();
        }
        if (options.services() && options.baseline()) {
            report.line("## Services against the baseline")
                    .blank()
                    .lines(RatioTable.table(services, baseline).lines())
                    .blank();
        }
        if (!notes.isEmpty()) {
            report.line("## Notes").blank();
            notes.forEach(note -> report.line("- " + note));
            report.blank();
        }
        report.lines(commandsSection);
        report.lines(killSection);
        if (!idleSection.isEmpty()) {
            report.line("## With no load, after the steps (" + storedEpisodes.get() + " episodes stored)")
                    .blank()
                    .lines(idleSection)
                    .blank();
        }
        if (options.services()) {
            storeSection.add("- at the end: " + StoreSize.describe(StoreSize.bytes(storeFolder), storedEpisodes.get()));
            report.line("## Store size on disk (the MongoDB wire server's journal and snapshot, "
                            + storeFolder.getFileName() + "/)")
                    .blank()
                    .lines(storeSection)
                    .blank();
        }
    }

    private List<StepResult> runServices() {
        JsonMapper json = JsonMapper.builder().build();
        LocalTokens tokens = fleet.tokens();
        IntakeClient intake =
                new IntakeClient(fleet.baseUrl(CarepathService.INTAKE), json, () -> tokens.forRole("staff"));
        SyntheticReports reports = new SyntheticReports(json, runTag, LocalDate.now(ZoneOffset.UTC));
        AtomicLong reportNumbers = new AtomicLong();
        CommandScraper scraper = new CommandScraper(baseUrls(), () -> tokens.forRole("operations"));
        IntakeDriver driver = new IntakeDriver(intake, reports, reportNumbers, storedEpisodes);
        if (options.preload() > 0) {
            preload(
                    new Preload(
                            intake,
                            reports,
                            reportNumbers,
                            storedEpisodes,
                            bootstrapServers,
                            stopping,
                            report::progress),
                    scraper);
        } else {
            warmUp(driver);
        }
        commandsSection.add("## MongoDB commands per episode, per service");
        commandsSection.add("");
        commandsSection.add("From `" + "mongodb_driver_commands_seconds_count" + "` on each service's"
                + " `/actuator/prometheus`, scraped before and after each step, divided by the episodes intake accepted"
                + " in it. These are driver **commands**: a bulk write is one command however many documents it"
                + " writes. Timers that ran meanwhile (relays, sweeps, polls) are included.");
        commandsSection.add("");
        List<StepResult> results = new ArrayList<>();
        for (double rate : options.rates()) {
            if (stopping.getAsBoolean()) {
                break;
            }
            awaitNoLag();
            Map<CarepathService, Scrape> before = scraper.scrapeAll();
            long acceptedBefore = storedEpisodes.get();
            StepResult result = runner.run(driver, rate, options.step());
            if (stopping.getAsBoolean()) {
                break; // a step cut short measures the stop, not the services
            }
            Map<CarepathService, Scrape> after = scraper.scrapeAll();
            results.add(result);
            printRow("services", "HTTP 202", result);
            noteFailures("services " + Numbers.rate(rate) + "/s", result, null);
            long accepted = storedEpisodes.get() - acceptedBefore;
            commandsSection.add("### Step " + Numbers.rate(rate) + "/s (" + accepted + " episodes)");
            commandsSection.add("");
            commandsSection.addAll(CommandsTable.lines(before, after, accepted));
            commandsSection.add("");
        }
        if (options.kill() != null && !stopping.getAsBoolean()) {
            killStep(driver);
        }
        if (!stopping.getAsBoolean()) {
            idleThenRestart();
        }
        return results;
    }

    /**
     * One more step in which a service is killed with SIGKILL a third of the way in and started again at once: how
     * long until it is ready and its lag is steady, then whether every accepted report still reached its estimate
     * (waiting up to {@value #KILL_STRAGGLER_MINUTES} min) and whether any episode was booked twice.
     */
    private void killStep(IntakeDriver driver) {
        double rate = Math.min(
                KILL_RATE,
                options.rates().stream().mapToDouble(Double::doubleValue).max().orElse(KILL_RATE));
        awaitNoLag();
        Duration killAt = options.step().dividedBy(3);
        KillDuringStep kill = new KillDuringStep(
                fleet,
                options.kill(),
                bootstrapServers,
                killAt,
                options.step(),
                rate,
                CarepathLocal.startTimeout(),
                report::progress);
        BookingLedger ledger = new BookingLedger(JsonMapper.builder().build());
        StepResult result;
        KillDuringStep.Outcome outcome;
        try (TopicFollower follower = TopicFollower.start(
                bootstrapServers, "ledger-" + ProcessHandle.current().pid(), BookingLedger.topics(), ledger)) {
            kill.start();
            result = runner.run(driver, rate, options.step(), Duration.ofMinutes(KILL_STRAGGLER_MINUTES));
            outcome = kill.await();
            awaitNoLag();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
        }
        printRow("kill -9", "HTTP 202", result);
        killSection.add("## kill -9 " + options.kill().artifactId() + " under load");
        killSection.add("");
        killSection.addAll(StepTable.table("HTTP 202", List.of(result)).lines());
        killSection.add("");
        killSection.add("- " + outcome.describe(options.kill(), killAt, rate) + ".");
        killSection.add("- Its lag from READY on, about every 2 s (seconds after its new process started: records): "
                + outcome.timeline(Duration.ofSeconds(2)) + ".");
        killSection.add(String.format(
                Locale.ROOT,
                "- Lost: %d of the %d reports intake accepted never reached an estimate within %d min (%d refused or"
                        + " unanswered while the service was down).",
                result.missing(),
                result.scheduled() - result.failed(),
                KILL_STRAGGLER_MINUTES,
                result.failed()));
        killSection.add(String.format(
                Locale.ROOT,
                "- Doubled: %d episodes holding two appointments of one type; %d of %d booking, cancellation and"
                        + " estimate events were redeliveries of an event id already seen (harmless: consumers"
                        + " keep the first)%s.",
                ledger.doubleBookings(),
                ledger.redelivered(),
                ledger.events(),
                ledger.unreadable() == 0 ? "" : "; " + ledger.unreadable() + " events could not be read"));
        killSection.add("");
    }

    /** The stack's CPU with nothing to do, then how long the services take to be ready again with all that is stored. */
    private void idleThenRestart() {
        awaitNoLag();
        report.progress("idle: " + IDLE_SETTLE.toSeconds() + " s to settle, then " + IDLE_WINDOW.toSeconds()
                + " s measured with no load");
        Map<String, ProcessHandle> processes = new LinkedHashMap<>();
        processes.put("bench JVM (broker, MongoDB wire server, the bench)", ProcessHandle.current());
        Map<CarepathService, Long> pids = fleet.pids();
        for (CarepathService service : CarepathService.values()) {
            Long pid = pids.get(service);
            if (pid != null) {
                ProcessHandle.of(pid).ifPresent(process -> processes.put(service.artifactId(), process));
            }
        }
        try {
            Thread.sleep(IDLE_SETTLE.toMillis());
            if (stopping.getAsBoolean()) {
                return;
            }
            idleSection.addAll(new IdleCpu(processes).measure(IDLE_WINDOW));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
        }
        if (stopping.getAsBoolean()) {
            return;
        }
        long stored = storedEpisodes.get();
        report.progress("restart: the services and the issuer stopped and started again, " + stored + " stored");
        Duration ready = restartServices.get();
        idleSection.add("");
        idleSection.add(String.format(
                Locale.ROOT,
                "- Restarted with %d episodes stored (broker and store kept running): every service READY %.1f s after"
                        + " its process started",
                stored,
                ready.toMillis() / 1000.0));
    }

    private void preload(Preload preload, CommandScraper scraper) {
        int count = options.preload();
        report.progress("preload: " + count + " reports, " + Preload.IN_FLIGHT + " in flight, giving up after "
                + Preload.timeout(count).toMinutes() + " min");
        Map<CarepathService, Scrape> before = scraper.scrapeAll();
        PreloadResult result = preload.run(count);
        Map<CarepathService, Scrape> after = scraper.scrapeAll();
        String summary = String.format(
                Locale.ROOT,
                "Preload: %d of %d reports accepted in %.1f s (**%.1f reports/s**, %d in flight); %d booked or"
                        + " waitlisted and estimated, with no consumer lag left, %.1f s after the last answer"
                        + " (%.1f episodes/s overall)%s",
                result.accepted(),
                result.requested(),
                result.postSeconds(),
                result.acceptedPerSecond(),
                Preload.IN_FLIGHT,
                result.through(),
                result.drainSeconds(),
                result.throughPerSecond(),
                result.drained() ? "" : "; **the pipeline had not drained when the bench stopped waiting**");
        report.progress(summary.replace("**", ""));
        preloadSection.add(summary);
        if (result.failed() > 0) {
            preloadSection.add("");
            preloadSection.add("Preload: " + result.failed() + " reports not accepted; the first because: "
                    + result.firstFailure());
        }
        preloadSection.add("");
        commandsSection.add("## MongoDB commands per episode during the preload (" + result.accepted() + " episodes)");
        commandsSection.add("");
        commandsSection.addAll(CommandsTable.lines(before, after, result.accepted()));
        commandsSection.add("");
        storeSection.add(
                "- after the preload: " + StoreSize.describe(StoreSize.bytes(storeFolder), storedEpisodes.get()));
    }

    private List<StepResult> runBaseline(int partitions) {
        List<StepResult> results = new ArrayList<>();
        try (BaselinePipeline pipeline = BaselinePipeline.start(bootstrapServers, partitions, runTag);
                BaselineDriver driver = new BaselineDriver(bootstrapServers)) {
            warmUp(driver);
            for (double rate : options.rates()) {
                if (stopping.getAsBoolean()) {
                    break;
                }
                StepResult result = runner.run(driver, rate, options.step());
                if (stopping.getAsBoolean()) {
                    break;
                }
                results.add(result);
                printRow("baseline", "broker ack", result);
                noteFailures("baseline " + Numbers.rate(rate) + "/s", result, pipeline.failure());
            }
        }
        return results;
    }

    /**
     * Lets the services finish what the step before left them (a booking after its estimate, say), so each step
     * starts from an idle pipeline and its command counts are its own. Bounded: after that the step starts anyway.
     */
    private void awaitNoLag() {
        long giveUp = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        try (ConsumerLag lag = new ConsumerLag(bootstrapServers)) {
            Map<String, Long> behind = lag.byGroup();
            while (behind.values().stream().anyMatch(records -> records > 0)) {
                if (stopping.getAsBoolean() || System.nanoTime() >= giveUp) {
                    notes.add("a step started with the services still behind: " + ConsumerLag.describe(behind));
                    return;
                }
                Thread.sleep(SETTLE_CHECK.toMillis());
                behind = lag.byGroup();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A short unreported step, so the first reported one does not pay for class loading and JIT compilation. */
    private void warmUp(StepDriver driver) {
        double rate = Math.min(WARM_UP_MAX_RATE, options.rates().get(0));
        report.progress("warm-up (not reported): " + driver.name() + " at " + Numbers.rate(rate) + "/s for "
                + WARM_UP.toSeconds() + " s");
        StepResult warmUp = runner.run(driver, rate, WARM_UP);
        if (warmUp.endToEnd().isEmpty() || warmUp.missing() == warmUp.scheduled()) {
            notes.add("the " + driver.name() + " warm-up saw nothing come through end to end");
        }
    }

    private void printRow(String what, String sentColumn, StepResult result) {
        report.progress(what + " step done:");
        MarkdownTable table = StepTable.table(sentColumn, List.of(result));
        table.lines().forEach(report::progress);
    }

    private void noteFailures(String step, StepResult result, RuntimeException relayFailure) {
        if (result.failed() > 0) {
            notes.add(step + ": " + result.failed() + " of " + result.scheduled() + " not accepted");
        }
        if (relayFailure != null) {
            notes.add(step + ": a baseline relay stopped: " + relayFailure.getMessage());
        }
    }

    private void header(String title, String commandLine, Path scratchDir, int partitions) {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        report.line("# " + title)
                .blank()
                .line("- command: `" + commandLine + "`")
                .line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + Numbers.bytes(memory)
                        + " memory, Java " + System.getProperty("java.version") + "; broker, MongoDB wire server and"
                        + " bench in one JVM"
                        + (options.services()
                                ? ", the four services and the clinic view as their own processes"
                                : ", no services"))
                .line("- stack: `" + scratchDir + "` (data and logs), " + partitions + " partitions per topic")
                .line("- method: open loop; report i is due at start + i / rate and its latency counts from that"
                        + " intended time, whatever happened before it (no coordinated omission). Latencies are"
                        + " p50 / p99 / max in ms (HdrHistogram), from the intended send time to the first record"
                        + " for the episode on each hop's topic: intake `" + ServiceTopics.EPISODE_REPORTED
                        + "`, triage `" + ServiceTopics.TRIAGE_DECIDED + "`, scheduling `"
                        + ServiceTopics.APPOINTMENT_BOOKED + "` or `.waitlisted`, billing `"
                        + ServiceTopics.ESTIMATE_PRODUCED + "`. Billing reacts to the decision itself, so its"
                        + " first estimate may come before scheduling's booking")
                .line("- achieved/s: episodes through end to end per second within the send window, its first tenth"
                        + " left out; missing: not through " + StepRunner.STRAGGLER_WAIT.toSeconds() + " s after"
                        + " the window, counted end to end at that moment; pass: achieved ≥ 95 % of target and"
                        + " end-to-end p99 ≤ 1000 ms")
                .line("- steps: " + options.step().toSeconds() + " s each, after a " + WARM_UP.toSeconds()
                        + " s warm-up that is not reported (the services skip it after a preload)")
                .blank();
    }

    private int partitions() {
        String configured = System.getenv("KAFKA_MIN_PARTITIONS");
        int fallback = configured == null || configured.isBlank()
                ? SERVICES_DEFAULT_PARTITIONS
                : Integer.parseInt(configured.strip());
        if (!options.services()) {
            return fallback;
        }
        return TopicPartitions.count(bootstrapServers, ServiceTopics.EPISODE_REPORTED)
                .orElseGet(() -> {
                    notes.add(ServiceTopics.EPISODE_REPORTED + " did not exist at start; the baseline uses " + fallback
                            + " partitions");
                    return fallback;
                });
    }

    private Map<CarepathService, URI> baseUrls() {
        Map<CarepathService, URI> urls = new EnumMap<>(CarepathService.class);
        for (CarepathService service : CarepathService.values()) {
            if (service.usesTheStore()) {
                urls.put(service, fleet.baseUrl(service));
            }
        }
        return urls;
    }
}
