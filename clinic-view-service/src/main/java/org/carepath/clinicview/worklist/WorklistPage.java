package org.carepath.clinicview.worklist;

import java.time.LocalDate;
import java.util.List;

/** A page of the worklist, newest reports first. */
public record WorklistPage(List<WorklistEntry> episodes, int page, int size, int total, LocalDate from, LocalDate to) {}
