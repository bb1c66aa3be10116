package org.carepath.billing.quote;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.carepath.events.intake.Trigger;
import org.carepath.platform.web.CoverageRequest;

/** {@code POST /api/v1/estimates}: an estimate for the given services, with no episode. */
record QuoteRequest(
        @NotNull @Valid CoverageRequest coverage,
        List<@NotNull Trigger> triggers,
        @NotEmpty List<@NotNull @Valid ServiceLine> services) {

    /** One service to price; absent {@code units} means one. */
    record ServiceLine(@NotBlank String cpt, @Min(1) Integer units) {

        int unitsOrOne() {
            return units == null ? 1 : units;
        }
    }

    List<Trigger> triggersOrNone() {
        return triggers == null ? List.of() : triggers;
    }
}
