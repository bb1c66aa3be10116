package org.carepath.clinicview.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.types.Decimal128;

/** Typed reads of a figures entry as the store gives it back (dates as {@link Date}, money as Decimal128). */
public final class Values {

    private Values() {}

    public static String text(Map<String, Object> entry, String field) {
        Object value = entry.get(field);
        return value == null ? null : value.toString();
    }

    public static Instant instant(Map<String, Object> entry, String field) {
        Object value = entry.get(field);
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        return null;
    }

    public static BigDecimal money(Map<String, Object> entry, String field) {
        Object value = entry.get(field);
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        return value == null ? null : new BigDecimal(value.toString());
    }

    @SuppressWarnings("unchecked")
    public static List<String> texts(Map<String, Object> entry, String field) {
        Object value = entry.get(field);
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }
}
