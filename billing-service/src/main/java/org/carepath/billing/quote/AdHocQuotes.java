package org.carepath.billing.quote;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.carepath.billing.estimate.EstimateCalculator;
import org.carepath.billing.estimate.Quote;
import org.carepath.billing.estimate.ServiceRequest;
import org.carepath.events.billing.EstimateLine;
import org.carepath.events.billing.EstimateProduced;
import org.carepath.platform.web.InvalidFieldException;
import org.springframework.stereotype.Service;

/** Prices services for no episode: nothing is stored or published. */
@Service
class AdHocQuotes {

    private static final int UNPROCESSABLE = 422;

    private final EstimateCalculator calculator;
    private final Clock clock;

    AdHocQuotes(EstimateCalculator calculator, Clock clock) {
        this.calculator = calculator;
        this.clock = clock;
    }

    /** @throws InvalidFieldException 422 naming the first service whose CPT is not on the fee schedule */
    EstimateProduced quote(QuoteRequest request) {
        List<ServiceRequest> services = request.services().stream()
                .map(service -> ServiceRequest.requested(service.cpt(), service.unitsOrOne()))
                .toList();
        Quote quote = calculator.quote(request.coverage().toCoverage(), request.triggersOrNone(), services);
        requireAllPriced(quote.lines());
        return quote.toEstimate(null, UUID.randomUUID().toString(), null, clock.instant());
    }

    // billing-rules.md §1: a CPT not on file is never priced as zero; the ad-hoc quote refuses it.
    private static void requireAllPriced(List<EstimateLine> lines) {
        for (int index = 0; index < lines.size(); index++) {
            EstimateLine line = lines.get(index);
            if (!line.priced()) {
                throw new InvalidFieldException("services[" + index + "].cpt", line.unpricedReason(), UNPROCESSABLE);
            }
        }
    }
}
