package org.carepath.clinicview.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.InstantType;

/** FHIR date types from java.time, always in UTC (HAPI's default would be the JVM's zone). */
final class FhirTime {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private FhirTime() {}

    static DateTimeType dateTime(Instant instant) {
        return instant == null ? null : new DateTimeType(Date.from(instant), TemporalPrecisionEnum.SECOND, UTC);
    }

    static InstantType instant(Instant instant) {
        return instant == null ? null : new InstantType(Date.from(instant), TemporalPrecisionEnum.SECOND, UTC);
    }

    static DateType date(LocalDate date) {
        return date == null ? null : new DateType(date.toString());
    }

    static DateTimeType day(LocalDate date) {
        return date == null ? null : new DateTimeType(date.toString());
    }
}
