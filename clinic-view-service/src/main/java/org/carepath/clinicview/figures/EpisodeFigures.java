package org.carepath.clinicview.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carepath.clinicview.episode.EpisodeRecord;
import org.carepath.clinicview.episode.EpisodeRecord.AppointmentState;
import org.carepath.clinicview.episode.EpisodeStatus;
import org.carepath.events.intake.ContactChannel;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.AppointmentBooked;
import org.carepath.events.scheduling.AppointmentWaitlisted;
import org.carepath.events.scheduling.FollowUpDue;
import org.carepath.events.scheduling.FollowUpKind;
import org.carepath.events.scheduling.FollowUpState;
import org.carepath.events.scheduling.FollowUpUpdated;
import org.carepath.events.triage.Disposition;

/**
 * The figures entries an episode contributes, a pure function of its record: the dashboard's counts are the
 * entries of a few small documents, so replacing an episode's old entries with its new ones keeps every count
 * exact however often, and in whatever order, its events arrive. No entry holds a name, phone, e-mail, birth date
 * or MRN.
 */
public final class EpisodeFigures {

    private EpisodeFigures() {}

    public static List<Figure> of(EpisodeRecord record) {
        List<Figure> figures = new ArrayList<>();
        worklistEntry(record, figures);
        emergency(record, figures);
        followUps(record, figures);
        record.knownAppointments().forEach(appointment -> appointment(record, appointment, figures));
        record.openWaitlist().forEach(entry -> figures.add(waitlisted(record, entry)));
        return figures;
    }

    public static Region region(EpisodeRecord record) {
        if (record.report() != null && record.report().patient() != null) {
            return record.report().patient().region();
        }
        if (record.decision() != null && record.decision().episode() != null) {
            return record.decision().episode().region();
        }
        return null;
    }

    private static void worklistEntry(EpisodeRecord record, List<Figure> figures) {
        if (record.report() == null || record.report().reportedAt() == null) {
            return;
        }
        Instant reportedAt = record.report().reportedAt();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("episodeId", record.episodeId());
        entry.put("reportedAt", reportedAt);
        entry.put("region", name(region(record)));
        entry.put("status", EpisodeStatus.of(record).name());
        if (record.decision() != null) {
            entry.put("disposition", name(record.decision().disposition()));
            entry.put("decidedAt", record.decision().decidedAt());
            entry.put("decisionVersion", record.decision().version());
        }
        record.knownAppointments().stream()
                .filter(AppointmentState::active)
                .findFirst()
                .ifPresent(
                        first -> entry.put("firstAppointmentAt", first.booked().start()));
        if (record.estimate() != null) {
            entry.put("payer", name(record.estimate().primaryPayer()));
            entry.put("estimatedAt", record.estimate().producedAt());
            if (record.estimate().totals() != null) {
                entry.put("patientPays", record.estimate().totals().patientPays());
            }
        }
        figures.add(new Figure(FigureCollections.DAYS, day(reportedAt), "episodes", record.episodeId(), entry));
    }

    private static void emergency(EpisodeRecord record, List<Figure> figures) {
        if (record.decision() == null
                || record.decision().disposition() != Disposition.EMERGENCY
                || record.decision().decidedAt() == null) {
            return;
        }
        List<String> rules = record.decision().rules() == null
                ? List.of()
                : record.decision().rules();
        List<String> emergencyRules =
                rules.stream().filter(rule -> rule.startsWith("ER-")).toList();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("episodeId", record.episodeId());
        entry.put("region", name(region(record)));
        entry.put("decidedAt", record.decision().decidedAt());
        entry.put("rules", emergencyRules.isEmpty() ? rules : emergencyRules);
        figures.add(new Figure(
                FigureCollections.DAYS, day(record.decision().decidedAt()), "emergencies", record.episodeId(), entry));
    }

    /** Each follow-up in the day it is due: its state from scheduling's updates, sent once its due event is out. */
    private static void followUps(EpisodeRecord record, List<Figure> figures) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (FollowUpUpdated state : record.followUpStates()) {
            byId.put(
                    state.followUpId(),
                    followUp(
                            state.followUpId(),
                            record,
                            state.kind(),
                            state.channel(),
                            state.dueAt(),
                            name(state.status())));
        }
        for (FollowUpDue due : record.followUps()) {
            byId.put(
                    due.followUpId(),
                    followUp(
                            due.followUpId(),
                            record,
                            due.kind(),
                            due.channel(),
                            due.dueAt(),
                            FollowUpState.SENT.name()));
        }
        byId.forEach((followUpId, entry) -> {
            Instant dueAt = (Instant) entry.get("dueAt");
            if (dueAt != null) {
                figures.add(new Figure(FigureCollections.DAYS, day(dueAt), "followUps", followUpId, entry));
            }
        });
    }

    private static Map<String, Object> followUp(
            String followUpId,
            EpisodeRecord record,
            FollowUpKind kind,
            ContactChannel channel,
            Instant dueAt,
            String status) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("followUpId", followUpId);
        entry.put("episodeId", record.episodeId());
        entry.put("kind", name(kind));
        entry.put("channel", name(channel));
        entry.put("dueAt", dueAt);
        entry.put("status", status);
        return entry;
    }

    private static void appointment(EpisodeRecord record, AppointmentState state, List<Figure> figures) {
        AppointmentBooked booked = state.booked();
        if (booked.siteId() == null || booked.start() == null) {
            return;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("appointmentId", booked.appointmentId());
        entry.put("episodeId", record.episodeId());
        entry.put("type", name(booked.type()));
        entry.put("specialty", name(booked.specialty()));
        entry.put("providerId", booked.providerId());
        entry.put("siteId", booked.siteId());
        entry.put("region", name(booked.region()));
        entry.put("start", booked.start());
        entry.put("end", booked.end());
        entry.put("status", state.active() ? "BOOKED" : "CANCELLED");
        LocalDate date = ClinicDays.dateOf(booked.start());
        figures.add(new Figure(
                FigureCollections.SITE_DAYS,
                ClinicDays.siteDayId(booked.siteId(), date),
                "appointments",
                booked.appointmentId(),
                entry));
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("siteId", booked.siteId());
        site.put("region", name(booked.region()));
        figures.add(new Figure(FigureCollections.SITES, FigureCollections.KNOWN_SITES, "sites", booked.siteId(), site));
    }

    private static Figure waitlisted(EpisodeRecord record, AppointmentWaitlisted waitlisted) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("episodeId", record.episodeId());
        entry.put("type", name(waitlisted.type()));
        entry.put("specialty", name(waitlisted.specialty()));
        entry.put("region", name(region(record)));
        entry.put("windowEnd", waitlisted.windowEnd());
        return new Figure(
                FigureCollections.WAITLISTS,
                String.valueOf(waitlisted.specialty()),
                "entries",
                record.episodeId() + ":" + waitlisted.type(),
                entry);
    }

    private static String day(Instant instant) {
        return ClinicDays.dateOf(instant).toString();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
