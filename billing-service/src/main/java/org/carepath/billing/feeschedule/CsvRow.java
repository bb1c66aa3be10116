package org.carepath.billing.feeschedule;

import java.math.BigDecimal;
import java.util.List;

/** One data line of a CSV file, with checked accessors whose errors name the line and the column. */
record CsvRow(String source, int line, List<String> header, List<String> fields) {

    String text(String column) {
        String value = raw(column);
        if (value.isBlank()) {
            throw error(column, "must not be empty");
        }
        return value;
    }

    /** A positive amount written with exactly two decimals, e.g. {@code 117.57}. */
    BigDecimal amount(String column) {
        String value = text(column);
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw error(column, "'" + value + "' is not an amount");
        }
        if (amount.signum() <= 0) {
            throw error(column, "'" + value + "' must be positive");
        }
        if (!value.matches("\\d+\\.\\d{2}")) {
            throw error(column, "'" + value + "' must have exactly two decimals, e.g. 117.57");
        }
        return amount;
    }

    int year(String column) {
        String value = text(column);
        if (!value.matches("\\d{4}")) {
            throw error(column, "'" + value + "' is not a four-digit year");
        }
        return Integer.parseInt(value);
    }

    InvalidFeeScheduleException error(String column, String problem) {
        return new InvalidFeeScheduleException(source, line, header.indexOf(column) + 1, column, problem);
    }

    private String raw(String column) {
        return fields.get(header.indexOf(column));
    }
}
