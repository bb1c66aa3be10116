/**
 * An episode's pathway as an explicit state machine: {@link org.carepath.triage.pathway.EpisodePathway} guards its
 * state and returns the next state together with the decision each transition causes. Plain Java.
 */
package org.carepath.triage.pathway;
