package org.carepath.platform.security;

import java.util.Locale;
import java.util.Optional;

/** The roles of CONTRACT.md "Access", as they appear in a token's {@code roles} claim. */
public enum Role {
    PATIENT,
    CLINICIAN,
    STAFF,
    INTEGRATION,
    OPERATIONS,
    ADMIN;

    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> ofClaim(String value) {
        for (Role role : values()) {
            if (role.claimValue().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
