package org.carepath.clinicview.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carepath.clinicview.episode.EpisodeRecord;

/** What an episode's change does to the figures: entries to set (new or changed) and entries to remove. */
public record FigureChanges(List<Figure> set, List<Figure.Slot> removed) {

    public static FigureChanges between(EpisodeRecord before, EpisodeRecord after) {
        Map<Figure.Slot, Figure> old = bySlot(before == null ? List.of() : EpisodeFigures.of(before));
        Map<Figure.Slot, Figure> next = bySlot(EpisodeFigures.of(after));
        List<Figure> set = new ArrayList<>();
        next.forEach((slot, figure) -> {
            if (!figure.equals(old.get(slot))) {
                set.add(figure);
            }
        });
        List<Figure.Slot> removed = new ArrayList<>();
        old.keySet().stream().filter(slot -> !next.containsKey(slot)).forEach(removed::add);
        return new FigureChanges(List.copyOf(set), List.copyOf(removed));
    }

    public boolean isEmpty() {
        return set.isEmpty() && removed.isEmpty();
    }

    private static Map<Figure.Slot, Figure> bySlot(List<Figure> figures) {
        Map<Figure.Slot, Figure> bySlot = new LinkedHashMap<>();
        figures.forEach(figure -> bySlot.put(figure.slot(), figure));
        return bySlot;
    }
}
