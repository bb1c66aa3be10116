package org.carepath.clinicview.fhir;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.carepath.clinicview.figures.ClinicDays;
import org.carepath.clinicview.figures.DayRange;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * A search's {@code date} parameters ({@code ge}, {@code gt}, {@code le}, {@code lt}, {@code eq} or no prefix; a
 * date in the clinic's zone or an instant) as one half-open interval of instants, and the clinic days it spans
 * (at most {@value DayRange#MAX_DAYS}).
 */
final class SearchDates {

    enum Default {
        /** the last 92 clinic days, today included */
        PAST,
        /** today and the next 13 days */
        AHEAD
    }

    record Bounds(Instant from, Instant until, DayRange days) {

        boolean contains(Instant instant) {
            return !instant.isBefore(from) && instant.isBefore(until);
        }
    }

    private SearchDates() {}

    static Bounds bounds(List<String> dates, Instant now, Default fallback) {
        Instant from = null;
        Instant until = null;
        if (dates != null) {
            for (String raw : dates) {
                if (raw == null || raw.isBlank()) {
                    continue;
                }
                String value = raw.strip();
                String prefix =
                        value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(0, 2) : "eq";
                String when = prefix.equals("eq") && !value.startsWith("eq") ? value : value.substring(2);
                Instant start = start(when);
                Instant end = end(when);
                switch (prefix) {
                    case "ge":
                        from = later(from, start);
                        break;
                    case "gt":
                        from = later(from, end);
                        break;
                    case "lt":
                        until = earlier(until, start);
                        break;
                    case "le":
                        until = earlier(until, end);
                        break;
                    case "eq":
                        from = later(from, start);
                        until = earlier(until, end);
                        break;
                    default:
                        throw new FhirException(
                                400,
                                IssueType.NOTSUPPORTED,
                                "date",
                                "prefix " + prefix + " is not supported: use ge, gt, le, lt or eq");
                }
            }
        }
        LocalDate today = ClinicDays.dateOf(now);
        if (from == null && until == null) {
            if (fallback == Default.PAST) {
                from = ClinicDays.startOf(today.minusDays(DayRange.MAX_DAYS - 1));
                until = ClinicDays.startOf(today.plusDays(1));
            } else {
                from = ClinicDays.startOf(today);
                until = ClinicDays.startOf(today.plusDays(14));
            }
        } else if (from == null) {
            from = ClinicDays.startOf(ClinicDays.dateOf(until.minusMillis(1))
                    .minusDays(fallback == Default.PAST ? DayRange.MAX_DAYS - 1 : 13));
        } else if (until == null) {
            until = ClinicDays.startOf(
                    ClinicDays.dateOf(from).plusDays(fallback == Default.PAST ? DayRange.MAX_DAYS : 14));
        }
        if (!until.isAfter(from)) {
            throw new FhirException(400, IssueType.VALUE, "date", "the dates leave no time between them");
        }
        LocalDate first = ClinicDays.dateOf(from);
        LocalDate last = ClinicDays.dateOf(until.minusMillis(1));
        if (first.plusDays(DayRange.MAX_DAYS).isBefore(last.plusDays(1))) {
            throw new FhirException(
                    400, IssueType.TOOCOSTLY, "date", "a search spans at most " + DayRange.MAX_DAYS + " days");
        }
        return new Bounds(from, until, new DayRange(first, last));
    }

    private static Instant start(String when) {
        try {
            if (when.length() == 10) {
                return ClinicDays.startOf(LocalDate.parse(when));
            }
            return OffsetDateTime.parse(when).toInstant();
        } catch (DateTimeParseException e) {
            throw new FhirException(
                    400,
                    IssueType.VALUE,
                    "date",
                    "must be a date (2026-12-02) or an instant"
                            + " (2026-12-02T14:00:00Z), with a prefix ge, gt, le, lt or eq");
        }
    }

    private static Instant end(String when) {
        if (when.length() == 10) {
            return ClinicDays.startOf(LocalDate.parse(when).plusDays(1));
        }
        return start(when).plus(Duration.ofSeconds(1));
    }

    private static Instant later(Instant known, Instant candidate) {
        return known == null || candidate.isAfter(known) ? candidate : known;
    }

    private static Instant earlier(Instant known, Instant candidate) {
        return known == null || candidate.isBefore(known) ? candidate : known;
    }
}
