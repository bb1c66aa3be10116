/**
 * An episode's account as billing keeps it: the coverage and candidate procedures of the latest triage decision,
 * the appointments still booked, and every estimate version produced. {@link org.carepath.billing.account.EpisodeAccount}
 * guards its state and returns the next state with the estimate each change causes. Plain Java.
 */
package org.carepath.billing.account;
