package org.carepath.events.triage;

/** Conditions that feel similar (clinical-rules.md §6). */
public enum Consideration {
    SCIATICA,
    KIDNEY_STONE_OR_INFECTION,
    GALLBLADDER,
    SPINAL_ARTHRITIS_OR_DDD,
    FIBROMYALGIA
}
