package org.carepath.triage.decision;

import org.carepath.triage.rules.TriageEngine;
import org.carepath.triage.rules.TriageThresholds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TriageConfiguration.ThresholdSettings.class)
class TriageConfiguration {

    /** The thresholds clinical-rules.md marks (chosen), from {@code carepath.triage.thresholds.*}. */
    @ConfigurationProperties("carepath.triage.thresholds")
    record ThresholdSettings(
            @DefaultValue("7") int severePainScore,
            @DefaultValue("14") int chronicAfterDays,
            @DefaultValue("3") int frequentEpisodesPerYear,
            @DefaultValue("21") int mriAfterDays) {

        TriageThresholds toThresholds() {
            return new TriageThresholds(severePainScore, chronicAfterDays, frequentEpisodesPerYear, mriAfterDays);
        }
    }

    @Bean
    TriageEngine triageEngine(ThresholdSettings settings) {
        return new TriageEngine(settings.toThresholds());
    }
}
