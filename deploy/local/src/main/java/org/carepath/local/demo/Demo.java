package org.carepath.local.demo;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the sample episodes to intake, waits (bounded) until each pathway stops changing, then prints each one.
 * A sample that intake refuses is reported and skipped; the stack stays up either way.
 */
public final class Demo {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    private static final Duration MAX_WAIT = Duration.ofSeconds(120);

    /** Waits between polls; answers {@code false} when the stack is stopping and the demo should give up. */
    @FunctionalInterface
    public interface Pause {
        boolean pause(Duration duration);
    }

    private final PathwayClient client;
    private final Clock clock;
    private final Pause pause;
    private final PrintStream out;

    /** @param number the sample's place in the list, kept when an earlier one was refused */
    private record Sent(int number, DemoEpisode episode, String episodeId, Settling settling) {

        String heading() {
            return number + ". " + episode.title();
        }
    }

    public Demo(PathwayClient client, Clock clock, Pause pause, PrintStream out) {
        this.client = client;
        this.clock = clock;
        this.pause = pause;
        this.out = out;
    }

    public void run(List<DemoEpisode> episodes) {
        LocalDate today = clinicDate(clock);
        out.println("DEMO sending " + episodes.size() + " sample episodes (onset dates relative to " + today + ")");
        List<Sent> sent = send(episodes, today);
        if (sent.isEmpty()) {
            return;
        }
        Duration end = awaitSettled(sent);
        out.println();
        boolean allSettled = true;
        for (Sent one : sent) {
            boolean settled = one.settling().isSettled(end);
            allSettled &= settled;
            if (one.settling().hasSeenAnything()) {
                out.println(PathwayReport.render(
                        one.heading(), one.episodeId(), one.settling().latest(), settled));
            } else {
                out.println("=== " + one.heading() + ": the services never answered");
            }
        }
        out.println(
                allSettled
                        ? "DEMO done"
                        : "DEMO done; some pathways were still changing after " + end.toSeconds() + " s");
    }

    /** Today in the clinic's zone, America/New_York, whatever the machine's zone. */
    static LocalDate clinicDate(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), PathwayReport.CLINIC_ZONE);
    }

    private List<Sent> send(List<DemoEpisode> episodes, LocalDate today) {
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < episodes.size(); i++) {
            DemoEpisode episode = episodes.get(i);
            try {
                String episodeId = client.report(episode.reportAsOf(today));
                out.println("  sent " + episode.title() + " -> episode " + episodeId);
                sent.add(new Sent(i + 1, episode, episodeId, new Settling()));
            } catch (DemoException refused) {
                out.println("  NOT sent " + episode.title() + ": " + refused.getMessage());
            }
        }
        return sent;
    }

    /** @return when it stopped waiting, on the same scale as the {@link Settling}s' observations */
    private Duration awaitSettled(List<Sent> sent) {
        Instant startedAt = clock.instant();
        Duration lastReport = Duration.ZERO;
        while (true) {
            Duration now = Duration.between(startedAt, clock.instant());
            long settled = 0;
            for (Sent one : sent) {
                if (!one.settling().isSettled(now)) {
                    observe(one, now);
                }
                settled += one.settling().isSettled(now) ? 1 : 0;
            }
            if (settled == sent.size() || now.compareTo(MAX_WAIT) > 0) {
                return now;
            }
            if (now.minus(lastReport).compareTo(PROGRESS_INTERVAL) >= 0) {
                out.println("  waiting for the pathways to settle: " + settled + "/" + sent.size() + " ("
                        + now.toSeconds() + " s)");
                lastReport = now;
            }
            if (!pause.pause(POLL_INTERVAL)) {
                return now;
            }
        }
    }

    private void observe(Sent one, Duration now) {
        try {
            one.settling().observe(client.snapshot(one.episodeId()), now);
        } catch (DemoException notNow) {
            // A service that hiccups is asked again at the next poll; MAX_WAIT bounds it.
        }
    }
}
