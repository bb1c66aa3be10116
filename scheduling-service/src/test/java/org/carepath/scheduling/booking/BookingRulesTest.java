package org.carepath.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.Specialty;
import org.carepath.events.triage.TriageDecided;
import org.carepath.scheduling.directory.ClinicTime;
import org.carepath.scheduling.directory.Directories;
import org.carepath.scheduling.directory.Directory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** scheduling-rules §3: what each disposition books, one row where each BK-* rule fires and one where it must not. */
class BookingRulesTest {

    private final Directory directory = Directories.bundled();
    private final BookingPlanner planner = new BookingPlanner(directory);

    static Stream<Arguments> bookingsPerDisposition() {
        return Stream.of(
                Arguments.of(
                        "BK-ER fires: an emergency books no clinic visit, not even its imaging",
                        Decisions.emergency(),
                        "BK-ER",
                        List.of()),
                Arguments.of(
                        "BK-ER does not fire: conservative care books its X-ray",
                        Decisions.conservativeCareAfterFall(),
                        "BK-CC",
                        List.of(AppointmentType.IMAGING_XRAY)),
                Arguments.of(
                        "BK-CC fires: the recommended X-ray and, with CC-PT, a PT evaluation",
                        Decisions.withImaging(Decisions.conservativeCareWithPhysicalTherapy(), Decisions.xray()),
                        "BK-CC",
                        List.of(AppointmentType.IMAGING_XRAY, AppointmentType.PT_EVALUATION)),
                Arguments.of(
                        "BK-CC without CC-PT or imaging books nothing",
                        Decisions.conservativeCare(),
                        "BK-CC",
                        List.of()),
                Arguments.of(
                        "BK-CC does not fire: a specialist referral books the specialist",
                        Decisions.specialistReferral(),
                        "BK-SP",
                        List.of(AppointmentType.SPECIALIST_VISIT)),
                Arguments.of(
                        "BK-SP fires: the MRI, then the specialist visit",
                        Decisions.specialistReferralWithMri(),
                        "BK-SP",
                        List.of(AppointmentType.IMAGING_MRI, AppointmentType.SPECIALIST_VISIT)),
                Arguments.of(
                        "BK-SP does not fire: conservative care with the same MRI books no visit",
                        Decisions.withImaging(Decisions.conservativeCare(), Decisions.mri()),
                        "BK-CC",
                        List.of(AppointmentType.IMAGING_MRI)),
                Arguments.of(
                        "BK-SU fires: the CT for IM-CT, then the surgical consult",
                        Decisions.surgicalConsultWithCt(),
                        "BK-SU",
                        List.of(AppointmentType.IMAGING_CT, AppointmentType.SURGICAL_CONSULT)),
                Arguments.of(
                        "BK-SU without IM-CT books the consult alone",
                        Decisions.surgicalConsult(),
                        "BK-SU",
                        List.of(AppointmentType.SURGICAL_CONSULT)),
                Arguments.of(
                        "BK-SU does not fire: a chemodenervation consult books no surgeon",
                        Decisions.chemodenervationConsult(),
                        "BK-CH",
                        List.of(AppointmentType.CHEMODENERVATION_CONSULT)),
                Arguments.of(
                        "BK-CH fires: the chemodenervation consult",
                        Decisions.chemodenervationConsult(),
                        "BK-CH",
                        List.of(AppointmentType.CHEMODENERVATION_CONSULT)),
                Arguments.of(
                        "BK-CH does not fire: a surgical consult books no chemodenervation consult",
                        Decisions.surgicalConsult(),
                        "BK-SU",
                        List.of(AppointmentType.SURGICAL_CONSULT)),
                Arguments.of(
                        "BK-RC fires: a recovered episode books nothing", Decisions.recovered(), "BK-RC", List.of()),
                Arguments.of(
                        "BK-RC does not fire: a referral still books",
                        Decisions.cancerHistoryReferral(),
                        "BK-SP",
                        List.of(AppointmentType.SPECIALIST_VISIT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bookingsPerDisposition")
    void booksWhatTheDispositionAsksFor(
            String example, TriageDecided decision, String rule, List<AppointmentType> expected) {
        BookingPlan plan = planner.plan(decision, EpisodeBookings.none(), Calendars.allFree(directory));

        assertThat(plan.rules()).containsExactly(rule);
        assertThat(plan.appointments()).extracting(Appointment::type).containsExactlyElementsOf(expected);
        assertThat(plan.appointments())
                .allSatisfy(appointment -> assertThat(appointment.rule()).isEqualTo(rule));
        assertThat(plan.waitlisted()).isEmpty();
    }

    static Stream<Arguments> windows() {
        return Stream.of(
                Arguments.of(
                        "BK-CC: imaging within 5 days",
                        Decisions.conservativeCareAfterFall(),
                        AppointmentType.IMAGING_XRAY,
                        5),
                Arguments.of(
                        "BK-CC: PT evaluation within 7 days",
                        Decisions.conservativeCareWithPhysicalTherapy(),
                        AppointmentType.PT_EVALUATION,
                        7),
                Arguments.of(
                        "BK-SP: imaging within 5 days",
                        Decisions.specialistReferralWithMri(),
                        AppointmentType.IMAGING_MRI,
                        5),
                Arguments.of(
                        "BK-SP: specialist within 7 days",
                        Decisions.specialistReferral(),
                        AppointmentType.SPECIALIST_VISIT,
                        7),
                Arguments.of(
                        "BK-SP with SP-5: specialist within 3 days",
                        Decisions.cancerHistoryReferral(),
                        AppointmentType.SPECIALIST_VISIT,
                        3),
                Arguments.of(
                        "BK-SU: CT within 5 days (chosen)",
                        Decisions.surgicalConsultWithCt(),
                        AppointmentType.IMAGING_CT,
                        5),
                Arguments.of(
                        "BK-SU: surgical consult within 14 days",
                        Decisions.surgicalConsult(),
                        AppointmentType.SURGICAL_CONSULT,
                        14),
                Arguments.of(
                        "BK-CH: chemodenervation consult within 14 days",
                        Decisions.chemodenervationConsult(),
                        AppointmentType.CHEMODENERVATION_CONSULT,
                        14));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void countsTheWindowFromTheDecisionsTime(String example, TriageDecided decision, AppointmentType type, int days) {
        BookingPlan plan = planner.plan(decision, EpisodeBookings.none(), Calendars.noneFree());

        assertThat(plan.waitlisted())
                .filteredOn(entry -> entry.type() == type)
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.windowStart()).isEqualTo(Decisions.DECIDED_AT);
                    assertThat(entry.windowEnd()).isEqualTo(ClinicTime.plusDays(Decisions.DECIDED_AT, days));
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void waitlistsRatherThanBookAfterTheWindow(String example, TriageDecided decision, AppointmentType type, int days) {
        Instant windowEnd = ClinicTime.plusDays(Decisions.DECIDED_AT, days);
        OpenSlots freeOnlyAfterTheWindow = Calendars.takenUntil(directory, windowEnd, "");

        BookingPlan plan = planner.plan(decision, EpisodeBookings.none(), freeOnlyAfterTheWindow);

        assertThat(plan.appointments()).extracting(Appointment::type).doesNotContain(type);
        assertThat(plan.waitlisted()).extracting(WaitlistEntry::type).contains(type);
    }

    static Stream<Arguments> specialists() {
        return Stream.of(
                Arguments.of(
                        "SP-3 nerve signs go to a spine surgeon",
                        Decisions.nerveSignsReferral(),
                        Specialty.SPINE_SURGEON),
                Arguments.of(
                        "other referrals go to an orthopedic spine specialist",
                        Decisions.specialistReferralWithMri(),
                        Specialty.ORTHOPEDIC_SPINE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specialists")
    void sendsTheReferralToTheRightSpecialist(String example, TriageDecided decision, Specialty specialty) {
        BookingPlan plan = planner.plan(decision, EpisodeBookings.none(), Calendars.allFree(directory));

        assertThat(plan.appointments())
                .filteredOn(appointment -> appointment.type() == AppointmentType.SPECIALIST_VISIT)
                .singleElement()
                .satisfies(visit -> assertThat(visit.specialty()).isEqualTo(specialty));
    }
}
