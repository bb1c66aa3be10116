package org.carepath.billing.account;

import java.util.Optional;
import org.carepath.events.billing.EstimateProduced;

/**
 * The account after pricing its lines again, with the estimate version this produced, if any.
 *
 * @param produced null when the estimate did not change
 */
public record Reestimate(EpisodeAccount account, EstimateProduced produced) {

    static Reestimate unchanged(EpisodeAccount account) {
        return new Reestimate(account, null);
    }

    static Reestimate produced(EpisodeAccount account, EstimateProduced produced) {
        return new Reestimate(account, produced);
    }

    public Optional<EstimateProduced> estimate() {
        return Optional.ofNullable(produced);
    }
}
