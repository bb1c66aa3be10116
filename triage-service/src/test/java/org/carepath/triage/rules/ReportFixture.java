package org.carepath.triage.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.carepath.events.intake.Contact;
import org.carepath.events.intake.ContactChannel;
import org.carepath.events.intake.Coverage;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.History;
import org.carepath.events.intake.KnownCondition;
import org.carepath.events.intake.PainLocation;
import org.carepath.events.intake.Patient;
import org.carepath.events.intake.PrimaryPayer;
import org.carepath.events.intake.Region;
import org.carepath.events.intake.StartBack;
import org.carepath.events.intake.SupplementalType;
import org.carepath.events.intake.Symptom;
import org.carepath.events.intake.Trigger;

/** An immutable description of a report; each {@code with…} returns a changed copy. {@link #reported()} builds it. */
public record ReportFixture(
        String episodeId,
        Instant reportedAt,
        LocalDate birthDate,
        LocalDate onsetDate,
        int painScore,
        PainLocation painLocation,
        List<Symptom> symptoms,
        List<Trigger> triggers,
        int episodesLast12Months,
        boolean worsening,
        boolean homeCareTried,
        boolean interferesWithDailyActivities,
        List<KnownCondition> knownConditions,
        boolean mriContraindicated,
        StartBack startBack) {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("America/New_York");

    /** Intake's opaque id for the fixture's MRN. */
    public static final String PATIENT_ID = "7c1e4d2a-0b8f-4e59-9d3a-6f2b1c0e8a47";

    public LocalDate reportDate() {
        return reportedAt.atZone(CLINIC_ZONE).toLocalDate();
    }

    public ReportFixture withPain(int score) {
        return new ReportFixture(
                episodeId,
                reportedAt,
                birthDate,
                onsetDate,
                score,
                painLocation,
                symptoms,
                triggers,
                episodesLast12Months,
                worsening,
                homeCareTried,
                interferesWithDailyActivities,
                knownConditions,
                mriContraindicated,
                startBack);
    }

    public ReportFixture withOnsetDaysAgo(long days) {
        return new ReportFixture(
                episodeId,
                reportedAt,
                birthDate,
                reportDate().minusDays(days),
                painScore,
                painLocation,
                symptoms,
                triggers,
                episodesLast12Months,
                worsening,
                homeCareTried,
                interferesWithDailyActivities,
                knownConditions,
                mriContraindicated,
                startBack);
    }

    public ReportFixture withAge(int years) {
        return new ReportFixture(
                episodeId,
                reportedAt,
                reportDate().minusYears(years),
                onsetDate,
                painScore,
                painLocation,
                symptoms,
                triggers,
                episodesLast12Months,
                worsening,
                homeCareTried,
                interferesWithDailyActivities,
                knownConditions,
                mriContraindicated,
                startBack);
    }

    public ReportFixture withLocation(PainLocation location) {
        return new ReportFixture(
                episodeId,
                reportedAt,
                birthDate,
                onsetDate,
                painScore,
                location,
                symptoms,
                triggers,
                episodesLast12Months,
                worsening,
                homeCareTried,
                interferesWithDailyActivities,
                knownConditions,
                mriContraindicated,
                startBack);
    }

    public ReportFixture withSymptoms(Symptom... reported) {
        return new ReportFixture(
                episodeId,
                reportedAt,
                birthDate,
                onsetDate,
                painScore,
                painLocation,
                List.of(reported),
                triggers,
                episodesLast12Months,
                worsening,
                homeCareTried,
                interferesWithDailyActivities,
                knownConditions,
                mriContraindicated,
                startBack);
    }

    public ReportFixture withTriggers(Trigger... reported) {
        return new ReportFixture(
                episodeId,
                reportedAt,
                birthDate,
                onsetDate,
                painScore,
                painLocation,
                symptoms,
                List.of(reported),
                episodesLast12Months,
                worsening,
                homeCareTried,
                interferesWithDailyActivities,
                knownConditions,
                mriContraindicated,
                startBack);
    }

    public ReportFixture withEpisodesLast12Months(int episodes) {
        return new ReportFixture(
                episodeId,
                reportedAt,
                birthDate,
                onsetDate,
                painScore,
                painLocation,
                symptoms,
                triggers,
                episodes,
                worsening,
                homeCareTried,
                interferesWithDailyActivities,
                knownConditions,
                mriContraindicated,
                startBack);
    }

    public ReportFixture gettingWorse() {
        return new ReportFixture(
                episodeId,
                reportedAt,
                birthDate,
                onsetDate,
                painScore,
                painLocation,
                symptoms,
                triggers,
                episodesLast12Months,
                true,
                homeCareTried,
                interferesWithDailyActivities,
                knownConditions,
                mriContraindicated,
                startBack);
    }

    public ReportFixture afterHomeCare() {
        return new ReportFixture(
                episodeId,
                reportedAt,
                birthDate,
                onsetDate,
                painScore,
                painLocation,
                symptoms,
                triggers,
                episodesLast12Months,
                worsening,
                true,
                interferesWithDailyActivities,
                knownConditions,
                mriContraindicated,
                startBack);
    }

    public ReportFixture interferingWithDailyActivities() {
        return new ReportFixture(
                episodeId,
                reportedAt,
                birthDate,
                onsetDate,
                painScore,
                painLocation,
                symptoms,
                triggers,
                episodesLast12Months,
                worsening,
                homeCareTried,
                true,
                knownConditions,
                mriContraindicated,
                startBack);
    }

    public ReportFixture withKnownConditions(KnownCondition... known) {
        return new ReportFixture(
                episodeId,
                reportedAt,
                birthDate,
                onsetDate,
                painScore,
                painLocation,
                symptoms,
                triggers,
                episodesLast12Months,
                worsening,
                homeCareTried,
                interferesWithDailyActivities,
                List.of(known),
                mriContraindicated,
                startBack);
    }

    public ReportFixture withMriContraindicated() {
        return new ReportFixture(
                episodeId,
                reportedAt,
                birthDate,
                onsetDate,
                painScore,
                painLocation,
                symptoms,
                triggers,
                episodesLast12Months,
                worsening,
                homeCareTried,
                interferesWithDailyActivities,
                knownConditions,
                true,
                startBack);
    }

    public ReportFixture withStartBack(StartBack answers) {
        return new ReportFixture(
                episodeId,
                reportedAt,
                birthDate,
                onsetDate,
                painScore,
                painLocation,
                symptoms,
                triggers,
                episodesLast12Months,
                worsening,
                homeCareTried,
                interferesWithDailyActivities,
                knownConditions,
                mriContraindicated,
                answers);
    }

    public EpisodeReported reported() {
        return new EpisodeReported(
                episodeId,
                reportedAt,
                new Patient(
                        "MRN-1001",
                        "Jane Doe",
                        birthDate,
                        Region.NASSAU,
                        new Contact(ContactChannel.SMS, "+15165550100", null)),
                onsetDate,
                painScore,
                painLocation,
                symptoms,
                triggers,
                new History(
                        episodesLast12Months,
                        worsening,
                        homeCareTried,
                        interferesWithDailyActivities,
                        knownConditions,
                        mriContraindicated),
                new Coverage(
                        PrimaryPayer.MEDICARE,
                        BigDecimal.ZERO.setScale(2),
                        new Coverage.Supplemental(SupplementalType.MEDIGAP, false),
                        null,
                        null,
                        null,
                        null),
                startBack,
                PATIENT_ID);
    }
}
