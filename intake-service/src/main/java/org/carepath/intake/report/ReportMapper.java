package org.carepath.intake.report;

import java.time.Instant;
import java.util.List;
import org.carepath.events.intake.CheckInRecorded;
import org.carepath.events.intake.Contact;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.FindingRecorded;
import org.carepath.events.intake.History;
import org.carepath.events.intake.Patient;
import org.carepath.events.intake.StartBack;

/**
 * From validated requests to the contract's events. An absent history field stays absent (unknown, never {@code
 * false} or {@code 0}): triage states what it assumes for it.
 */
public final class ReportMapper {

    private ReportMapper() {}

    public static EpisodeReported toEvent(
            String episodeId, Instant reportedAt, String patientId, ReportRequest request) {
        var patient = request.patient();
        var contact = patient.contact();
        return new EpisodeReported(
                episodeId,
                reportedAt,
                new Patient(
                        patient.mrn(),
                        patient.name(),
                        patient.birthDate(),
                        patient.region(),
                        new Contact(contact.channel(), contact.phone(), contact.email())),
                request.onsetDate(),
                request.painScore(),
                request.painLocation(),
                listOrEmpty(request.symptoms()),
                listOrEmpty(request.triggers()),
                history(request.history()),
                request.coverage() == null ? null : request.coverage().toCoverage(),
                startBack(request.startBack()),
                patientId);
    }

    public static CheckInRecorded toEvent(
            String episodeId, String checkInId, Instant recordedAt, CheckInRequest request) {
        return new CheckInRecorded(
                episodeId,
                checkInId,
                recordedAt,
                request.painScore(),
                request.improving(),
                listOrEmpty(request.symptoms()),
                Boolean.TRUE.equals(request.ptCompleted()));
    }

    public static FindingRecorded toEvent(
            String episodeId, String findingId, Instant recordedAt, FindingRequest request) {
        return new FindingRecorded(
                episodeId,
                findingId,
                recordedAt,
                request.imaging(),
                request.structuralCause(),
                request.levels() == null ? 1 : request.levels(),
                Boolean.TRUE.equals(request.conservativeCareFailed()));
    }

    private static History history(ReportRequest.HistoryRequest history) {
        if (history == null) {
            return null;
        }
        return new History(
                history.episodesLast12Months(),
                history.worsening(),
                history.homeCareTried(),
                history.interferesWithDailyActivities(),
                history.knownConditions() == null ? null : List.copyOf(history.knownConditions()),
                history.mriContraindicated());
    }

    private static StartBack startBack(ReportRequest.StartBackRequest answers) {
        if (answers == null) {
            return null;
        }
        return new StartBack(
                answers.legPain(),
                answers.shoulderNeckPain(),
                answers.walkedShortDistances(),
                answers.dressedSlowly(),
                answers.notSafeToBeActive(),
                answers.worryingThoughts(),
                answers.terribleNeverBetter(),
                answers.notEnjoyed(),
                answers.bothersomeness());
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
