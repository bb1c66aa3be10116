package org.carepath.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.carepath.local.CarepathService;

/**
 * What one bench run does, from {@code deploy/carepath bench [options]}.
 *
 * @param preload reports to store before the first step (0: none)
 * @param rates the open-loop steps, reports per second, in the order given
 * @param step how long each step sends
 * @param services whether to measure the services (false with {@code --baseline-only})
 * @param baseline whether to measure the raw Kafka baseline (false with {@code --no-baseline})
 * @param kill the service to kill with SIGKILL during one more step ({@code --kill-9}), or null
 */
public record BenchOptions(
        int preload, List<Double> rates, Duration step, boolean services, boolean baseline, CarepathService kill) {

    static final List<Double> DEFAULT_RATES = List.of(50.0, 100.0, 200.0);
    static final Duration DEFAULT_STEP = Duration.ofSeconds(60);
    /** Above this a step would keep hundreds of thousands of requests in flight on a 2-core machine. */
    static final double MAX_RATE = 20_000;

    static final int MAX_PRELOAD = 10_000_000;

    public BenchOptions {
        rates = List.copyOf(rates);
    }

    /** @throws BenchUsageException with a one-line reason when the arguments make no sense */
    public static BenchOptions parse(String... args) {
        int preload = 0;
        List<Double> rates = DEFAULT_RATES;
        Duration step = DEFAULT_STEP;
        boolean baselineOnly = false;
        boolean noBaseline = false;
        CarepathService kill = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--preload":
                    preload = (int) wholeNumber(arg, valueAfter(args, i++), 0, MAX_PRELOAD);
                    break;
                case "--rates":
                    rates = rates(valueAfter(args, i++));
                    break;
                case "--step-seconds":
                    step = Duration.ofSeconds(wholeNumber(arg, valueAfter(args, i++), 1, 3_600));
                    break;
                case "--baseline-only":
                    baselineOnly = true;
                    break;
                case "--no-baseline":
                    noBaseline = true;
                    break;
                case "--kill-9":
                    kill = service(valueAfter(args, i++));
                    break;
                default:
                    throw new BenchUsageException("unknown option '" + arg + "'");
            }
        }
        if (baselineOnly && noBaseline) {
            throw new BenchUsageException("--baseline-only and --no-baseline exclude each other");
        }
        if (baselineOnly && preload > 0) {
            throw new BenchUsageException("--preload fills the services' store; it has no use with --baseline-only");
        }
        if (baselineOnly && kill != null) {
            throw new BenchUsageException("--kill-9 kills a service; it has no use with --baseline-only");
        }
        return new BenchOptions(preload, rates, step, !baselineOnly, !noBaseline, kill);
    }

    static String usage() {
        return String.join(
                "\n",
                "usage: deploy/carepath bench [--preload N] [--rates 50,100,200] [--step-seconds S]"
                        + " [--baseline-only|--no-baseline] [--kill-9 SERVICE]",
                "  --preload N        store N reports first (as fast as the stack takes them), then wait until they"
                        + " are through",
                "  --rates R1,R2,...  open-loop steps in reports per second (default 50,100,200)",
                "  --step-seconds S   how long each step sends (default 60)",
                "  --baseline-only    only the raw Kafka baseline (broker and MongoDB, no services)",
                "  --no-baseline      only the services",
                "  --kill-9 SERVICE   one more step (at 100/s, or the highest rate if lower) in which SERVICE"
                        + " (e.g. scheduling-service) is killed with SIGKILL and started again",
                "The stack runs in .carepath/bench/run-<timestamp>/ on the normal ports; the report goes to"
                        + " .carepath/bench/bench-<timestamp>.md.");
    }

    private static String valueAfter(String[] args, int index) {
        if (index + 1 >= args.length || args[index + 1].startsWith("--")) {
            throw new BenchUsageException(args[index] + " needs a value");
        }
        return args[index + 1];
    }

    private static long wholeNumber(String option, String value, long min, long max) {
        long number;
        try {
            number = Long.parseLong(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new BenchUsageException(option + ": '" + value + "' is not a whole number");
        }
        if (number < min || number > max) {
            throw new BenchUsageException(option + ": " + number + " is outside " + min + ".." + max);
        }
        return number;
    }

    private static CarepathService service(String name) {
        for (CarepathService service : CarepathService.values()) {
            if (service.usesTheStore() && service.artifactId().equals(name.strip())) {
                return service;
            }
        }
        throw new BenchUsageException("--kill-9: '" + name + "' is not one of intake-service, triage-service,"
                + " scheduling-service, billing-service, clinic-view-service");
    }

    private static List<Double> rates(String value) {
        List<Double> rates = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            rates.add(rate(part.strip(), value));
        }
        return rates;
    }

    private static double rate(String part, String whole) {
        if (part.isEmpty()) {
            throw new BenchUsageException("--rates: '" + whole
                    + "' has an empty entry; give rates per second separated by commas, e.g." + " 50,100,200");
        }
        double rate;
        try {
            rate = Double.parseDouble(part);
        } catch (NumberFormatException notANumber) {
            throw new BenchUsageException("--rates: '" + part + "' is not a number; give rates per second separated"
                    + " by commas, e.g. 50,100,200");
        }
        if (!(rate > 0) || rate > MAX_RATE || Double.isInfinite(rate)) {
            throw new BenchUsageException(
                    "--rates: " + part + " must be above 0 and at most " + (long) MAX_RATE + " reports per second");
        }
        return rate;
    }
}
