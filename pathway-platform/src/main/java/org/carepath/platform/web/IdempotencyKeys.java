package org.carepath.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code Idempotency-Key} request header: a client's name for one request, so that a retry of it is answered
 * with what the first attempt did instead of being done twice. A service keeps the key with the document the request
 * changed, beside the {@link #fingerprint fingerprint} of the request, to tell a retry from another request that
 * reuses the key (a 409).
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;

    private IdempotencyKeys() {}

    /** The key as given, or null when there is none; a blank key or one over 200 characters is a 400 naming it. */
    public static String checked(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_LENGTH)) {
            throw new InvalidFieldException(HEADER, "must be 1 to " + MAX_LENGTH + " characters");
        }
        return key;
    }

    /**
     * A fingerprint of a request from its parts (the operation, the target and the body's fields): equal parts give
     * equal fingerprints, and no two different lists of parts give the same one (each part is length-prefixed, null
     * apart from every string).
     */
    public static String fingerprint(String... parts) {
        StringBuilder canonical = new StringBuilder();
        for (String part : parts) {
            if (part == null) {
                canonical.append('-');
            } else {
                canonical.append('+').append(part.length()).append(':').append(part);
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
