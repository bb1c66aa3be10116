package org.carepath.events.scheduling;

/** Appointment types and the CPT code billing prices them with (scheduling-rules.md §2). */
public enum Specialty {
    ORTHOPEDIC_SPINE,
    SPINE_SURGEON,
    PHYSICAL_THERAPY,
    REHABILITATION,
    IMAGING
}
