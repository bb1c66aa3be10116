package org.carepath.bench.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.carepath.bench.kafka.ConsumerLag;
import org.carepath.bench.report.Numbers;
import org.carepath.local.CarepathService;
import org.carepath.local.ServiceFleet;

/**
 * Kills one service with {@code SIGKILL} part way into a step, starts it again at once, and watches its consumer
 * group's lag until it is back to steady: for three readings in a row, at most the highest lag it showed under the
 * same load before the kill (read every {@code LAG_CHECK} over the wait's last three quarters), or one second of the
 * step's rate if that is more. A batch consumer's lag swings with its batches (61–130 records at 100/s in single
 * readings taken just before the kill, 140–300 once the backlog was gone after it), so one reading was no measure
 * of its steady level. Runs on its own thread beside the step, and keeps the readings: how fast the lag came down
 * tells a slow start from a slow catch-up.
 */
public final class KillDuringStep {

    private static final Duration LAG_CHECK = Duration.ofMillis(500);
    private static final int STEADY_READINGS = 3;
    private static final Duration GIVE_UP = Duration.ofMinutes(3);

    private final ServiceFleet fleet;
    private final CarepathService victim;
    private final String bootstrapServers;
    private final Duration after;
    private final Duration loadLeft;
    private final double rate;
    private final Duration startTimeout;
    private final Consumer<String> progress;
    private final Thread thread;
    private volatile Outcome outcome;
    private volatile RuntimeException failure;

    /** One reading of the victim's lag, timed from its new process's start. */
    public record LagReading(Duration after, long lag) {}

    /**
     * What happened: each time from the new process's start; {@code highestBefore} the highest lag read before the
     * kill; {@code steadyAfter} null if never steady; {@code loadLeft} how long the step's load went on after the
     * kill; {@code readings} from READY on, one every {@code LAG_CHECK}.
     */
    public record Outcome(
            long lagBefore,
            long highestBefore,
            long steadyAt,
            Duration readyAfter,
            Duration steadyAfter,
            Duration loadLeft,
            List<LagReading> readings) {

        public Outcome {
            readings = List.copyOf(readings);
        }

        /**
         * The readings at least {@code apart} from the one shown before, the first and last always among them, as
         * "seconds after the start: records".
         */
        public String timeline(Duration apart) {
            List<LagReading> shown = new ArrayList<>();
            Duration nextAt = Duration.ZERO;
            for (int i = 0; i < readings.size(); i++) {
                LagReading reading = readings.get(i);
                if (reading.after().compareTo(nextAt) >= 0 || i == readings.size() - 1) {
                    shown.add(reading);
                    nextAt = reading.after().plus(apart);
                }
            }
            return shown.stream()
                    .map(reading -> String.format(Locale.ROOT, "%.1f s: %d", seconds(reading.after()), reading.lag()))
                    .collect(Collectors.joining(" · "));
        }

        /** The highest lag: the one before the kill, or a reading after it. */
        public long peakLag() {
            return Math.max(
                    lagBefore,
                    readings.stream().mapToLong(LagReading::lag).max().orElse(0));
        }

        /** The first reading within the steady level, if any: the backlog gone, though maybe not for long. */
        public Optional<Duration> firstWithinSteady() {
            return readings.stream()
                    .filter(reading -> reading.lag() <= steadyAt)
                    .map(LagReading::after)
                    .findFirst();
        }

        /**
         * Steady only once the step's load had ended: the lag fell because nothing more arrived. (The new process
         * starts at once after the kill, so times from its start and from the kill differ by milliseconds.)
         */
        public boolean steadyOnlyWithoutLoad() {
            return steadyAfter != null && steadyAfter.compareTo(loadLeft) > 0;
        }

        public String describe(CarepathService victim, Duration killedAt, double rate) {
            String steady = steadyAfter == null
                    ? "**not back to steady** within " + GIVE_UP.toMinutes() + " min"
                    : String.format(
                            Locale.ROOT,
                            "back to steady (≤ %d records, three readings in a row) %.1f s after",
                            steadyAt,
                            seconds(steadyAfter));
            String withoutLoad = steadyOnlyWithoutLoad()
                    ? String.format(
                            Locale.ROOT,
                            " (**only once the step's load had ended**, %.0f s after the kill)",
                            seconds(loadLeft))
                    : "";
            String first = firstWithinSteady()
                    .map(after ->
                            String.format(Locale.ROOT, "; its first reading within that %.1f s after", seconds(after)))
                    .orElse("");
            return String.format(
                    Locale.ROOT,
                    "%s killed with SIGKILL %d s into the step at %s/s and started again at once: READY %.1f s after"
                            + " its new process started; its consumer lag (group %s) was %d records just before the"
                            + " kill and at most %d in the readings before it, peaked at %d, and was %s the restart%s%s",
                    victim.artifactId(),
                    killedAt.toSeconds(),
                    Numbers.rate(rate),
                    seconds(readyAfter),
                    victim.artifactId(),
                    lagBefore,
                    highestBefore,
                    peakLag(),
                    steady,
                    withoutLoad,
                    first);
        }

        private static double seconds(Duration duration) {
            return duration.toMillis() / 1000.0;
        }
    }

    /**
     * @param after how far into the step the kill comes
     * @param step the step's whole length: its load goes on for {@code step - after} after the kill
     */
    public KillDuringStep(
            ServiceFleet fleet,
            CarepathService victim,
            String bootstrapServers,
            Duration after,
            Duration step,
            double rate,
            Duration startTimeout,
            Consumer<String> progress) {
        this.fleet = fleet;
        this.victim = victim;
        this.bootstrapServers = bootstrapServers;
        this.after = after;
        this.loadLeft = step.minus(after);
        this.rate = rate;
        this.startTimeout = startTimeout;
        this.progress = progress;
        this.thread = new Thread(this::run, "bench-kill-" + victim.artifactId());
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Waits for the watch to end and returns what happened. */
    public Outcome await() throws InterruptedException {
        thread.join();
        if (failure != null) {
            throw failure;
        }
        return outcome;
    }

    private void run() {
        try (ConsumerLag lag = new ConsumerLag(bootstrapServers)) {
            long highestBefore = highestLagUntilTheKill(lag);
            long before = lagOf(lag);
            highestBefore = Math.max(highestBefore, before);
            progress.accept(
                    "kill -9 " + victim.artifactId() + " (lag " + before + ", at most " + highestBefore + " before)");
            Duration readyAfter = fleet.killAndRestart(victim, startTimeout);
            long restartedAt = System.nanoTime() - readyAfter.toNanos();
            progress.accept(victim.artifactId() + " READY again after " + readyAfter.toSeconds() + " s");
            long steadyAt = Math.max(highestBefore, Math.round(rate));
            int steadyReadings = 0;
            long giveUp = System.nanoTime() + GIVE_UP.toNanos();
            Duration steadyAfter = null;
            List<LagReading> readings = new ArrayList<>();
            while (System.nanoTime() < giveUp) {
                LagReading reading = new LagReading(Duration.ofNanos(System.nanoTime() - restartedAt), lagOf(lag));
                readings.add(reading);
                steadyReadings = reading.lag() <= steadyAt ? steadyReadings + 1 : 0;
                if (steadyReadings == STEADY_READINGS) {
                    steadyAfter = reading.after();
                    break;
                }
                Thread.sleep(LAG_CHECK.toMillis());
            }
            outcome = new Outcome(before, highestBefore, steadyAt, readyAfter, steadyAfter, loadLeft, readings);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failure = new IllegalStateException("interrupted while killing " + victim.artifactId(), interrupted);
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** Waits until the kill is due, reading the lag over the wait's last three quarters (the step under way). */
    private long highestLagUntilTheKill(ConsumerLag lag) throws InterruptedException {
        long killAt = System.nanoTime() + after.toNanos();
        Thread.sleep(after.dividedBy(4).toMillis());
        long highest = 0;
        while (System.nanoTime() + LAG_CHECK.toNanos() < killAt) {
            highest = Math.max(highest, lagOf(lag));
            Thread.sleep(LAG_CHECK.toMillis());
        }
        Thread.sleep(Math.max(0, Duration.ofNanos(killAt - System.nanoTime()).toMillis()));
        return highest;
    }

    private long lagOf(ConsumerLag lag) {
        return lag.byGroup().getOrDefault(victim.artifactId(), 0L);
    }
}
