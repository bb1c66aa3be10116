package org.carepath.events.triage;

import java.time.Instant;

/** One step of the conservative care plan; {@code from} and {@code until} are null when the step is open-ended. */
public record CarePlanStep(String code, String instruction, Instant from, Instant until) {}
