package org.carepath.bench.pipeline;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.carepath.bench.load.StepDriver;
import org.carepath.bench.measure.Hop;
import org.carepath.bench.measure.StepMeasurement;

/** A step through the services: each message is a synthetic report POSTed to intake, followed to its estimate. */
public final class IntakeDriver implements StepDriver {

    /** Open loop, but not unbounded: past this many unanswered requests a send waits (its latency still counts). */
    static final int MAX_IN_FLIGHT = 2_000;

    private final IntakeClient intake;
    private final SyntheticReports reports;
    private final AtomicLong reportNumbers;
    private final AtomicLong acceptedTotal;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

    /**
     * @param reportNumbers hands out report numbers, shared with the preload so no two reports share a patient
     * @param acceptedTotal counts every episode intake accepted in this run (the store's size in episodes)
     */
    public IntakeDriver(
            IntakeClient intake, SyntheticReports reports, AtomicLong reportNumbers, AtomicLong acceptedTotal) {
        this.intake = intake;
        this.reports = reports;
        this.reportNumbers = reportNumbers;
        this.acceptedTotal = acceptedTotal;
    }

    @Override
    public String name() {
        return "services";
    }

    @Override
    public Map<String, Hop> hopByTopic() {
        return ServiceTopics.hopByTopic();
    }

    @Override
    public void send(int index, long intendedNanos, StepMeasurement measurement, long giveUpNanos) {
        if (!acquire(giveUpNanos)) {
            measurement.failed(index, "not sent: " + MAX_IN_FLIGHT + " requests were still unanswered");
            return;
        }
        String report = reports.report(reportNumbers.getAndIncrement());
        intake.post(report).whenComplete((answer, impossible) -> {
            long answeredAt = System.nanoTime();
            inFlight.release();
            if (answer != null && answer.isAccepted()) {
                acceptedTotal.incrementAndGet();
                measurement.accepted(index, answer.episodeId(), answeredAt);
            } else {
                measurement.failed(index, answer == null ? String.valueOf(impossible) : answer.failure());
            }
        });
    }

    private boolean acquire(long giveUpNanos) {
        try {
            return inFlight.tryAcquire(Math.max(0, giveUpNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
