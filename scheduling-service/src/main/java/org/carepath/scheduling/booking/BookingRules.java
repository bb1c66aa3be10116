package org.carepath.scheduling.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.Specialty;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.ImagingRecommendation;
import org.carepath.events.triage.TriageDecided;
import org.carepath.scheduling.directory.AppointmentTypes;
import org.carepath.scheduling.directory.ClinicTime;

/** What each triage disposition books, and within which window of the decision (scheduling-rules §3). */
final class BookingRules {

    static final String EMERGENCY = "BK-ER";
    static final String CONSERVATIVE_CARE = "BK-CC";
    static final String SPECIALIST_REFERRAL = "BK-SP";
    static final String SURGICAL_CONSULT = "BK-SU";
    static final String CHEMODENERVATION_CONSULT = "BK-CH";
    static final String RECOVERED = "BK-RC";
    static final String REBOOK = "BK-REBOOK";
    static final String URGENT = "BK-URGENT";

    static final int IMAGING_DAYS = 5;
    static final int PT_DAYS = 7;
    static final int SPECIALIST_DAYS = 7;
    static final int URGENT_SPECIALIST_DAYS = 3;
    static final int CONSULT_DAYS = 14;

    private BookingRules() {}

    static String ruleFor(Disposition disposition) {
        return switch (disposition) {
            case EMERGENCY -> EMERGENCY;
            case CONSERVATIVE_CARE -> CONSERVATIVE_CARE;
            case SPECIALIST_REFERRAL -> SPECIALIST_REFERRAL;
            case SURGICAL_CONSULT -> SURGICAL_CONSULT;
            case CHEMODENERVATION_CONSULT -> CHEMODENERVATION_CONSULT;
            case RECOVERED -> RECOVERED;
        };
    }

    /** The requests of a decision, imaging first, so that what must follow imaging can see when it is. */
    static List<BookingRequest> requestsFor(TriageDecided decision) {
        Instant decided = decision.decidedAt();
        return switch (decision.disposition()) {
            // BK-ER, BK-RC: no clinic booking
            case EMERGENCY, RECOVERED -> List.of();
            case CONSERVATIVE_CARE -> conservativeCare(decision, decided);
            case SPECIALIST_REFERRAL -> specialistReferral(decision, decided);
            case SURGICAL_CONSULT -> surgicalConsult(decision, decided);
            case CHEMODENERVATION_CONSULT ->
                List.of(new BookingRequest(
                        AppointmentType.CHEMODENERVATION_CONSULT,
                        Specialty.REHABILITATION,
                        decided,
                        ClinicTime.plusDays(decided, CONSULT_DAYS),
                        List.of(),
                        CHEMODENERVATION_CONSULT));
        };
    }

    // BK-CC: each recommended imaging within 5 days; a PT evaluation within 7 days when the plan holds CC-PT
    private static List<BookingRequest> conservativeCare(TriageDecided decision, Instant decided) {
        List<BookingRequest> requests = new ArrayList<>(imaging(decision, decided, CONSERVATIVE_CARE));
        boolean physicalTherapy = decision.carePlan().stream().anyMatch(step -> "CC-PT".equals(step.code()));
        if (physicalTherapy) {
            requests.add(new BookingRequest(
                    AppointmentType.PT_EVALUATION,
                    Specialty.PHYSICAL_THERAPY,
                    decided,
                    ClinicTime.plusDays(decided, PT_DAYS),
                    List.of(),
                    CONSERVATIVE_CARE));
        }
        return requests;
    }

    // BK-SP: imaging within 5 days, then the specialist within 7 days (3 for SP-5 and ER-HOLD), a business day
    // after imaging; nerve signs (SP-3) go to a spine surgeon's clinic (clinical-rules §4). BK-URGENT: the 3-day
    // window wins over that order
    private static List<BookingRequest> specialistReferral(TriageDecided decision, Instant decided) {
        List<BookingRequest> requests = new ArrayList<>(imaging(decision, decided, SPECIALIST_REFERRAL));
        boolean urgent = isUrgent(decision);
        int days = urgent ? URGENT_SPECIALIST_DAYS : SPECIALIST_DAYS;
        Specialty specialty = decision.rules().contains("SP-3") ? Specialty.SPINE_SURGEON : Specialty.ORTHOPEDIC_SPINE;
        requests.add(new BookingRequest(
                AppointmentType.SPECIALIST_VISIT,
                specialty,
                decided,
                ClinicTime.plusDays(decided, days),
                typesOf(requestsOfImaging(requests)),
                SPECIALIST_REFERRAL,
                urgent));
        return requests;
    }

    // BK-URGENT: a referral for SP-5 (cancer history) or ER-HOLD (after an emergency) must be seen within 3 days
    static boolean isUrgent(TriageDecided decision) {
        return decision.disposition() == Disposition.SPECIALIST_REFERRAL
                && (decision.rules().contains("SP-5") || decision.rules().contains("ER-HOLD"));
    }

    // BK-SU: a CT when IM-CT fired (within the imaging window, chosen), then the surgical consult within 14 days
    private static List<BookingRequest> surgicalConsult(TriageDecided decision, Instant decided) {
        boolean ctFired = decision.rules().contains("IM-CT")
                || decision.imaging().stream().anyMatch(recommendation -> "IM-CT".equals(recommendation.rule()));
        List<BookingRequest> requests = new ArrayList<>();
        if (ctFired) {
            requests.add(imagingRequest(AppointmentType.IMAGING_CT, decided, SURGICAL_CONSULT));
        }
        requests.add(new BookingRequest(
                AppointmentType.SURGICAL_CONSULT,
                Specialty.SPINE_SURGEON,
                decided,
                ClinicTime.plusDays(decided, CONSULT_DAYS),
                typesOf(requests),
                SURGICAL_CONSULT));
        return requests;
    }

    private static List<BookingRequest> imaging(TriageDecided decision, Instant decided, String rule) {
        return decision.imaging().stream()
                .map(ImagingRecommendation::modality)
                .distinct()
                .map(modality -> imagingRequest(AppointmentTypes.imagingOf(modality), decided, rule))
                .toList();
    }

    private static BookingRequest imagingRequest(AppointmentType type, Instant decided, String rule) {
        return new BookingRequest(
                type, Specialty.IMAGING, decided, ClinicTime.plusDays(decided, IMAGING_DAYS), List.of(), rule);
    }

    private static List<BookingRequest> requestsOfImaging(List<BookingRequest> requests) {
        return requests.stream()
                .filter(request -> AppointmentTypes.isImaging(request.type()))
                .toList();
    }

    private static List<AppointmentType> typesOf(List<BookingRequest> requests) {
        return requests.stream().map(BookingRequest::type).toList();
    }
}
