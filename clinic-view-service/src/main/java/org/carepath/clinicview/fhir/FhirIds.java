package org.carepath.clinicview.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * FHIR logical ids ({@code [A-Za-z0-9\-\.]{1,64}}) for Carepath's ids: as they are when they fit, with {@code _}
 * and {@code :} as {@code .} when that makes them fit, else a stable hash. The original id is always kept as the
 * resource's identifier.
 */
public final class FhirIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private FhirIds() {}

    public static String of(String id) {
        if (VALID.matcher(id).matches()) {
            return id;
        }
        String dotted = id.replace('_', '.').replace(':', '.');
        if (VALID.matcher(dotted).matches()) {
            return dotted;
        }
        return "h-" + sha256(id).substring(0, 40);
    }

    public static boolean valid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
