package org.carepath.events.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The stable opaque {@code patientId} of an MRN: a keyed HMAC-SHA-256, so every service can tell whether a
 * patient token's {@code mrn} owns an episode from the {@code patientId} the episode carries, without the MRN
 * ever leaving intake and without a lookup. Without the key the id reveals nothing of the MRN (an unkeyed hash
 * of an MRN could be reversed by trying every MRN); 256 bits make two MRNs sharing one id out of reach.
 */
public final class PatientIds {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public PatientIds(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException(
                    "the patient-id key (CAREPATH_PATIENT_ID_KEY) must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String of(String mrn) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(mrn.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "pt-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
