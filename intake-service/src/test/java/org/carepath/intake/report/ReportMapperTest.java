package org.carepath.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carepath.events.intake.ContactChannel;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.KnownCondition;
import org.carepath.events.intake.PainLocation;
import org.carepath.events.intake.Region;
import org.junit.jupiter.api.Test;

/** clinical-rules.md (amended 2026-12): an input the patient did not give is unknown, never {@code false} or 0. */
class ReportMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");

    @Test
    void keepsEveryHistoryFieldThePatientDidNotGiveAbsent() {
        EpisodeReported report = ReportMapper.toEvent(
                "e-1", NOW, "p-1", request(new ReportRequest.HistoryRequest(null, true, null, null, null, null)));

        assertThat(report.history().worsening()).isTrue();
        assertThat(report.history().episodesLast12Months()).isNull();
        assertThat(report.history().homeCareTried()).isNull();
        assertThat(report.history().interferesWithDailyActivities()).isNull();
        assertThat(report.history().knownConditions()).isNull();
        assertThat(report.history().mriContraindicated()).isNull();
    }

    @Test
    void keepsTheHistoryThePatientGave() {
        EpisodeReported report = ReportMapper.toEvent(
                "e-1",
                NOW,
                "p-1",
                request(new ReportRequest.HistoryRequest(
                        2, false, true, false, List.of(KnownCondition.OSTEOPOROSIS), true)));

        assertThat(report.history().episodesLast12Months()).isEqualTo(2);
        assertThat(report.history().worsening()).isFalse();
        assertThat(report.history().homeCareTried()).isTrue();
        assertThat(report.history().knownConditions()).containsExactly(KnownCondition.OSTEOPOROSIS);
        assertThat(report.history().mriContraindicated()).isTrue();
    }

    @Test
    void carriesThePatientIdIntakeAssignedAndNoHistoryWhenNoneWasGiven() {
        EpisodeReported report = ReportMapper.toEvent("e-1", NOW, "p-1", request(null));

        assertThat(report.patientId()).isEqualTo("p-1");
        assertThat(report.history()).isNull();
    }

    private static ReportRequest request(ReportRequest.HistoryRequest history) {
        return new ReportRequest(
                new ReportRequest.PatientRequest(
                        "MRN-1",
                        "Test Patient",
                        LocalDate.of(1964, 3, 2),
                        Region.QUEENS,
                        new ReportRequest.ContactRequest(ContactChannel.SMS, "+15165550100", null)),
                LocalDate.of(2026, 11, 20),
                5,
                PainLocation.LOWER_BACK,
                List.of(),
                List.of(),
                history,
                null,
                null);
    }
}
