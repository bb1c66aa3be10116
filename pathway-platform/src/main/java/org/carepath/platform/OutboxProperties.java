package org.carepath.platform;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param collections the MongoDB collections whose documents carry an embedded {@code outbox}
 * @param pollInterval how long the relay waits for a wake-up before looking again
 * @param batchSize documents relayed per round trip
 */
@ConfigurationProperties("carepath.outbox")
public record OutboxProperties(
        List<String> collections, @DefaultValue("250ms") Duration pollInterval, @DefaultValue("200") int batchSize) {}
