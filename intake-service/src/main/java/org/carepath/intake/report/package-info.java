/**
 * What a client reports (a new episode, a check-in, a finding) and the contract events it becomes: intake's domain
 * core. Plain Java and Bean Validation constraints: no Spring, Kafka, MongoDB or Jackson here. The adapters in
 * {@code episode}, {@code patient} and {@code web} store, relay and serve it.
 */
package org.carepath.intake.report;
