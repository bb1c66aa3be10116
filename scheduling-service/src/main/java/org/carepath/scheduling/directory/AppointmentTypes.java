package org.carepath.scheduling.directory;

import java.util.Set;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.Specialty;

/** Which providers host which appointment type (scheduling-rules §2). */
public final class AppointmentTypes {

    private AppointmentTypes() {}

    public static Set<Specialty> specialtiesFor(AppointmentType type) {
        return switch (type) {
            case SPECIALIST_VISIT, FOLLOW_UP_VISIT -> Set.of(Specialty.ORTHOPEDIC_SPINE, Specialty.SPINE_SURGEON);
            case IMAGING_XRAY, IMAGING_MRI, IMAGING_CT -> Set.of(Specialty.IMAGING);
            case PT_EVALUATION -> Set.of(Specialty.PHYSICAL_THERAPY);
            case SURGICAL_CONSULT -> Set.of(Specialty.SPINE_SURGEON);
            case CHEMODENERVATION_CONSULT -> Set.of(Specialty.REHABILITATION);
        };
    }

    /** The imaging modality of an imaging type, null for every other type. */
    public static ImagingModality modalityOf(AppointmentType type) {
        return switch (type) {
            case IMAGING_XRAY -> ImagingModality.XRAY;
            case IMAGING_MRI -> ImagingModality.MRI;
            case IMAGING_CT -> ImagingModality.CT;
            default -> null;
        };
    }

    public static AppointmentType imagingOf(ImagingModality modality) {
        return switch (modality) {
            case XRAY -> AppointmentType.IMAGING_XRAY;
            case MRI -> AppointmentType.IMAGING_MRI;
            case CT -> AppointmentType.IMAGING_CT;
        };
    }

    public static boolean isImaging(AppointmentType type) {
        return modalityOf(type) != null;
    }
}
