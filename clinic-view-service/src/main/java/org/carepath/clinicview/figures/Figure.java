package org.carepath.clinicview.figures;

import java.util.Map;

/**
 * One entry of a figures document: {@code <field>.<key>} of the document {@code documentId} in {@code collection}
 * holds {@code value}. Each entry belongs to one episode (its key is the episode's, an appointment's or a
 * follow-up's id), so setting it is idempotent and the counts are the entries of a document, not increments that a
 * redelivery could double.
 */
public record Figure(String collection, String documentId, String field, String key, Map<String, Object> value) {

    /** Where the entry lives, whatever its value. */
    public Slot slot() {
        return new Slot(collection, documentId, field, key);
    }

    public record Slot(String collection, String documentId, String field, String key) {}
}
