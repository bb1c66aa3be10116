package org.carepath.clinicview.projection;

/** A consumed event's payload and its record's offset in its partition (which orders an appointment's moves). */
record ProjectedEvent(Object payload, long offset) {}
