package org.carepath.authorization;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The local stack's OAuth 2.0 issuer (Spring Authorization Server) on 127.0.0.1:9000: client-credentials tokens
 * for the clients of CONTRACT.md "Access". Its secrets are for the local stack only; a deployment points
 * {@code CAREPATH_ISSUER_URI} at the clinic's own OpenID Connect provider and never runs this.
 */
@SpringBootApplication
public class AuthorizationServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthorizationServerApplication.class, args);
    }
}
