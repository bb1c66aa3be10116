/**
 * The triage rule engine: the clinical rules of {@code domain/clinical-rules.md} as small named units, each carrying
 * its rule ID. Plain Java: no Spring, Kafka, MongoDB or Jackson here. {@link org.carepath.triage.rules.TriageEngine}
 * is the entry point; {@link org.carepath.triage.rules.TriageThresholds} holds the values the rules leave to the
 * clinic.
 */
package org.carepath.triage.rules;
