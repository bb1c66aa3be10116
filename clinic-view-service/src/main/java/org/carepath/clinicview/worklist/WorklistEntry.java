package org.carepath.clinicview.worklist;

import java.math.BigDecimal;
import java.time.Instant;

/** One episode on the worklist: ids, disposition, region and timings. No name, phone, birth date or MRN. */
public record WorklistEntry(
        String episodeId,
        Instant reportedAt,
        String region,
        String status,
        String disposition,
        Instant decidedAt,
        Instant firstAppointmentAt,
        String payer,
        BigDecimal patientPays,
        Instant estimatedAt) {}
