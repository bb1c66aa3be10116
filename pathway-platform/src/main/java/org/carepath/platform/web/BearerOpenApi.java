package org.carepath.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document says what CONTRACT.md "Access" says: every call carries a JWT bearer token. */
public final class BearerOpenApi {

    static final String SCHEME = "bearer-jwt";

    private BearerOpenApi() {}

    public static OpenAPI of(String service) {
        return new OpenAPI()
                .info(new Info()
                        .title("Carepath " + service)
                        .description("Roles and rights: README \"Access\". Tokens: the clinic's OpenID Connect"
                                + " provider, or locally `deploy/carepath token ROLE`."))
                .components(new Components()
                        .addSecuritySchemes(
                                SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token with audience carepath and a roles claim")))
                .addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }
}
