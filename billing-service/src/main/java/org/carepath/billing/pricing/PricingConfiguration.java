package org.carepath.billing.pricing;

import org.carepath.billing.estimate.EstimateCalculator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one calculator every estimate is priced with; a fee schedule that cannot be used stops the start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeeScheduleSettings.class)
class PricingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PricingConfiguration.class);

    @Bean
    EstimateCalculator estimateCalculator(FeeScheduleSettings settings) {
        EstimateCalculator calculator = settings.calculator();
        log.info("Pricing with the {} fee schedule from {}", calculator.year(), settings.source());
        return calculator;
    }
}
