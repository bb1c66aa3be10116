package org.carepath.clinicview.worklist;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.carepath.clinicview.figures.FigureReader;
import org.carepath.clinicview.figures.Values;
import org.springframework.stereotype.Service;

/**
 * The episode worklist, from the day documents of the days asked for (read by {@code _id}): its cost grows with
 * the days and the episodes reported on them, never with the whole history.
 */
@Service
public class Worklist {

    private final FigureReader figures;

    Worklist(FigureReader figures) {
        this.figures = figures;
    }

    public WorklistPage find(WorklistQuery query) {
        List<WorklistEntry> matching = figures.dayEntries(query.days().days(), "episodes").stream()
                .filter(entry -> matches(query, entry))
                .map(Worklist::entry)
                .sorted(Comparator.comparing(WorklistEntry::reportedAt)
                        .reversed()
                        .thenComparing(WorklistEntry::episodeId))
                .toList();
        int from = Math.min(query.page() * query.size(), matching.size());
        int to = Math.min(from + query.size(), matching.size());
        return new WorklistPage(
                matching.subList(from, to),
                query.page(),
                query.size(),
                matching.size(),
                query.days().from(),
                query.days().to());
    }

    private static boolean matches(WorklistQuery query, Map<String, Object> entry) {
        return (query.status() == null || query.status().name().equals(entry.get("status")))
                && (query.disposition() == null || query.disposition().name().equals(entry.get("disposition")))
                && (query.region() == null || query.region().name().equals(entry.get("region")));
    }

    private static WorklistEntry entry(Map<String, Object> entry) {
        return new WorklistEntry(
                Values.text(entry, "episodeId"),
                Values.instant(entry, "reportedAt"),
                Values.text(entry, "region"),
                Values.text(entry, "status"),
                Values.text(entry, "disposition"),
                Values.instant(entry, "decidedAt"),
                Values.instant(entry, "firstAppointmentAt"),
                Values.text(entry, "payer"),
                Values.money(entry, "patientPays"),
                Values.instant(entry, "estimatedAt"));
    }
}
