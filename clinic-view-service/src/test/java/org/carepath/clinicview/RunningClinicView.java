package org.carepath.clinicview;

import org.carepath.testing.HttpJson;
import org.carepath.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** clinic-view-service on a random port, against the real test broker, wire server and token issuer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningClinicView {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    protected HttpJson clinicView() {
        return new HttpJson("http://127.0.0.1:" + port);
    }

    protected int port() {
        return port;
    }
}
