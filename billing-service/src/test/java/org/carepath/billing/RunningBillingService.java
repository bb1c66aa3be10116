package org.carepath.billing;

import org.carepath.testing.HttpJson;
import org.carepath.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The billing service against the JVM-wide broker and MongoDB endpoint. Every IT extends this one class, so they
 * share one cached Spring context (one set of consumers, one outbox relay).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningBillingService {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    protected HttpJson billing() {
        return new HttpJson("http://127.0.0.1:" + port);
    }
}
