package org.carepath.triage.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.carepath.events.intake.CheckInRecorded;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.FindingRecorded;
import org.carepath.events.intake.History;
import org.carepath.events.intake.KnownCondition;
import org.carepath.events.intake.Symptom;
import org.carepath.events.intake.Trigger;
import org.carepath.events.triage.TriageDecided;

/** Reads an episode's inputs into a {@link ClinicalPicture}, replacing missing inputs by their safer answers. */
final class ClinicalPictures {

    /** The clinic's zone: a date becomes an instant at its start of day here. */
    static final ZoneId CLINIC_ZONE = ZoneId.of("America/New_York");

    private ClinicalPictures() {}

    static ClinicalPicture atReport(EpisodeReported report, Instant now, TriageThresholds thresholds) {
        return read(
                report,
                List.of(),
                List.of(),
                null,
                DecisionInput.REPORT,
                false,
                List.of(),
                report.reportedAt(),
                now,
                thresholds);
    }

    static ClinicalPicture atCheckIn(
            EpisodeSoFar soFar, CheckInRecorded checkIn, Instant now, TriageThresholds thresholds) {
        return read(
                soFar.report(),
                appended(soFar.checkIns(), checkIn),
                soFar.findings(),
                checkIn,
                DecisionInput.CHECK_IN,
                EmergencyHold.stands(soFar.decisions(), soFar.decisionInputs()),
                soFar.decisions(),
                checkIn.recordedAt(),
                now,
                thresholds);
    }

    static ClinicalPicture atFinding(
            EpisodeSoFar soFar, FindingRecorded finding, Instant now, TriageThresholds thresholds) {
        return read(
                soFar.report(),
                soFar.checkIns(),
                appended(soFar.findings(), finding),
                null,
                DecisionInput.FINDING,
                false,
                soFar.decisions(),
                finding.recordedAt(),
                now,
                thresholds);
    }

    /** The symptoms, pain and triggers of one patient input, as the red-flag screen reads them. */
    static PatientSigns signsOf(EpisodeReported report, CheckInRecorded checkIn, TriageThresholds thresholds) {
        Set<Trigger> triggers = enumSet(Trigger.class, report.triggers());
        return checkIn == null
                ? PatientSigns.of(enumSet(Symptom.class, report.symptoms()), report.painScore(), triggers, thresholds)
                : PatientSigns.of(
                        enumSet(Symptom.class, checkIn.symptoms()), checkIn.painScore(), triggers, thresholds);
    }

    private static ClinicalPicture read(
            EpisodeReported report,
            List<CheckInRecorded> checkIns,
            List<FindingRecorded> findings,
            CheckInRecorded newCheckIn,
            DecisionInput input,
            boolean emergencyHold,
            List<TriageDecided> earlierDecisions,
            Instant inputTime,
            Instant now,
            TriageThresholds thresholds) {
        Objects.requireNonNull(report, "an episode needs its report");
        List<String> assumptions = new ArrayList<>();
        Instant observedAt = inputTime;
        if (observedAt == null) {
            observedAt = now;
            assumptions.add("input time missing: the decision time is used");
        }
        Instant reportedAt = report.reportedAt() == null ? observedAt : report.reportedAt();
        LocalDate onsetDate = onsetDate(report, reportedAt, assumptions);
        Instant onsetInstant = onsetDate.atStartOfDay(CLINIC_ZONE).toInstant();
        long durationDays = Math.max(0, ChronoUnit.DAYS.between(onsetDate, dateAtClinic(observedAt)));
        assumptions.add("duration = " + durationDays + " days from onset " + onsetDate + " to "
                + dateAtClinic(observedAt) + " (" + CLINIC_ZONE + ")");

        if (report.symptoms() == null) {
            assumptions.add("no symptom list in the report: none assumed");
        }
        if (report.triggers() == null) {
            assumptions.add("no trigger list in the report: none assumed");
        }
        if (newCheckIn != null && newCheckIn.symptoms() == null) {
            assumptions.add("no symptom list in the check-in: no new symptom assumed");
        }
        if (report.painLocation() == null) {
            assumptions.add("pain location not reported: no location-based consideration (DX-*)");
        }

        CheckInRecorded latestCheckIn = checkIns.isEmpty() ? null : checkIns.get(checkIns.size() - 1);
        int painScore = latestCheckIn == null ? report.painScore() : latestCheckIn.painScore();
        List<TriageDecided> openDecisions = OpenEpisode.decisionsSinceRecovery(earlierDecisions);
        return new ClinicalPicture(
                report.episodeId(),
                observedAt,
                ageAtReport(report, reportedAt, assumptions),
                onsetDate,
                onsetInstant,
                durationDays,
                painScore,
                newCheckIn == null ? painScore : painBefore(report, checkIns),
                report.painLocation(),
                allSymptoms(report, checkIns),
                signsOf(report, latestCheckIn, thresholds),
                enumSet(Trigger.class, report.triggers()),
                history(report.history(), assumptions),
                report.startBack(),
                findings,
                newCheckIn,
                input,
                emergencyHold,
                openDecisions.stream().anyMatch(ClinicalPictures::holdsPhysicalTherapy),
                checkIns.stream().anyMatch(CheckInRecorded::ptCompleted),
                thresholds,
                assumptions);
    }

    private static LocalDate onsetDate(EpisodeReported report, Instant reportedAt, List<String> assumptions) {
        if (report.onsetDate() != null) {
            return report.onsetDate();
        }
        LocalDate reportDate = dateAtClinic(reportedAt);
        assumptions.add("onset date not reported: the report date " + reportDate + " is used");
        return reportDate;
    }

    private static Integer ageAtReport(EpisodeReported report, Instant reportedAt, List<String> assumptions) {
        if (report.patient() == null || report.patient().birthDate() == null) {
            assumptions.add("birth date not reported: age treated as 50 or older (DX-ARTHRITIS)");
            return null;
        }
        return Period.between(report.patient().birthDate(), dateAtClinic(reportedAt))
                .getYears();
    }

    /** Each history field the patient did not give is unknown: its assumed value is listed, never silent. */
    private static KnownHistory history(History reported, List<String> assumptions) {
        if (reported == null) {
            assumptions.add("history unknown: every history field below is assumed");
            reported = new History(null, null, null, null, null, null);
        }
        return new KnownHistory(
                known(reported.episodesLast12Months(), 0, "history.episodesLast12Months", assumptions),
                known(reported.worsening(), false, "history.worsening", assumptions),
                known(reported.homeCareTried(), false, "history.homeCareTried", assumptions),
                known(
                        reported.interferesWithDailyActivities(),
                        false,
                        "history.interferesWithDailyActivities",
                        assumptions),
                knownConditions(reported.knownConditions(), assumptions),
                mriContraindicated(reported.mriContraindicated(), assumptions));
    }

    private static <T> T known(T reported, T assumed, String field, List<String> assumptions) {
        if (reported != null) {
            return reported;
        }
        assumptions.add(field + " unknown: assumed " + assumed);
        return assumed;
    }

    private static List<KnownCondition> knownConditions(List<KnownCondition> reported, List<String> assumptions) {
        if (reported == null) {
            assumptions.add("history.knownConditions unknown: none assumed");
            return List.of();
        }
        return reported.stream().filter(Objects::nonNull).toList();
    }

    private static boolean mriContraindicated(Boolean reported, List<String> assumptions) {
        if (reported == null) {
            assumptions.add(
                    "history.mriContraindicated unknown: assumed false; check MRI safety before booking an MRI");
            return false;
        }
        return reported;
    }

    private static int painBefore(EpisodeReported report, List<CheckInRecorded> checkInsWithNew) {
        int before = checkInsWithNew.size() - 2;
        return before < 0 ? report.painScore() : checkInsWithNew.get(before).painScore();
    }

    private static Set<Symptom> allSymptoms(EpisodeReported report, List<CheckInRecorded> checkIns) {
        Set<Symptom> symptoms = enumSet(Symptom.class, report.symptoms());
        checkIns.forEach(checkIn -> symptoms.addAll(enumSet(Symptom.class, checkIn.symptoms())));
        return symptoms;
    }

    private static boolean holdsPhysicalTherapy(TriageDecided decision) {
        return decision.carePlan() != null
                && decision.carePlan().stream().anyMatch(step -> CarePlanRules.PHYSICAL_THERAPY.equals(step.code()));
    }

    private static LocalDate dateAtClinic(Instant instant) {
        return instant.atZone(CLINIC_ZONE).toLocalDate();
    }

    private static <E extends Enum<E>> Set<E> enumSet(Class<E> type, Collection<E> values) {
        Set<E> set = EnumSet.noneOf(type);
        if (values != null) {
            values.stream().filter(Objects::nonNull).forEach(set::add);
        }
        return set;
    }

    private static <T> List<T> appended(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.add(element);
        return copy;
    }
}
