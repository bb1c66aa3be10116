package org.carepath.scheduling;

import java.time.Clock;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.testing.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * One clock for every application context of the test JVM, so that tests move time for all instances at once.
 * Each test sets it to its own {@link Epochs} before it acts.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    public static final MutableClock CLOCK = new MutableClock(Decisions.DECIDED_AT);

    @Bean
    @Primary
    Clock clock() {
        return CLOCK;
    }
}
