package org.carepath.billing.quote;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.carepath.events.billing.EstimateProduced;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/estimates")
@Tag(name = "Estimates", description = "Out-of-pocket estimates for services, outside any episode")
class QuoteController {

    private final AdHocQuotes quotes;

    QuoteController(AdHocQuotes quotes) {
        this.quotes = quotes;
    }

    @PostMapping
    @Operation(
            summary = "Estimate what each payer and the patient pay for the given services",
            description = "Nothing is stored. A CPT code not on the fee schedule is 422, naming the service.")
    EstimateProduced quote(@Valid @RequestBody QuoteRequest request) {
        return quotes.quote(request);
    }
}
