package org.carepath.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    @Test
    void noKeyIsNoKeyAndAKeyOfOneTo200CharactersIsTakenAsGiven() {
        assertThat(IdempotencyKeys.checked(null)).isNull();
        assertThat(IdempotencyKeys.checked("k")).isEqualTo("k");
        assertThat(IdempotencyKeys.checked("k".repeat(200))).hasSize(200);
    }

    @Test
    void aBlankOrOverlongKeyIsA400NamingTheHeader() {
        for (String key : new String[] {"", "   ", "k".repeat(201)}) {
            assertThatThrownBy(() -> IdempotencyKeys.checked(key))
                    .isInstanceOfSatisfying(InvalidFieldException.class, invalid -> {
                        assertThat(invalid.field()).isEqualTo("Idempotency-Key");
                        assertThat(invalid.status()).isEqualTo(400);
                    });
        }
    }

    @Test
    void equalRequestsShareAFingerprintAndDifferentOnesDoNot() {
        assertThat(IdempotencyKeys.fingerprint("book", "ep-1", "slot-1"))
                .isEqualTo(IdempotencyKeys.fingerprint("book", "ep-1", "slot-1"))
                .hasSize(64);
        assertThat(IdempotencyKeys.fingerprint("book", "ep-1", "slot-1"))
                .isNotEqualTo(IdempotencyKeys.fingerprint("book", "ep-1", "slot-2"));
        assertThat(IdempotencyKeys.fingerprint("ab", "c")).isNotEqualTo(IdempotencyKeys.fingerprint("a", "bc"));
        assertThat(IdempotencyKeys.fingerprint("cancel", null))
                .isNotEqualTo(IdempotencyKeys.fingerprint("cancel", "null"));
        assertThat(IdempotencyKeys.fingerprint("cancel", null)).isNotEqualTo(IdempotencyKeys.fingerprint("cancel", ""));
    }
}
