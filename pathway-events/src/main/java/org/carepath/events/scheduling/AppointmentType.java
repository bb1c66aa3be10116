package org.carepath.events.scheduling;

/** Appointment types, with their length and the CPT code billing prices them with (scheduling-rules.md §2). */
public enum AppointmentType {
    SPECIALIST_VISIT(30, "99204"),
    FOLLOW_UP_VISIT(15, "99213"),
    IMAGING_XRAY(15, "72100"),
    IMAGING_MRI(45, "72148"),
    IMAGING_CT(30, "72131"),
    PT_EVALUATION(45, "97162"),
    SURGICAL_CONSULT(45, "99204"),
    CHEMODENERVATION_CONSULT(30, "99204");

    private final int minutes;
    private final String cpt;

    AppointmentType(int minutes, String cpt) {
        this.minutes = minutes;
        this.cpt = cpt;
    }

    public int minutes() {
        return minutes;
    }

    public String cpt() {
        return cpt;
    }
}
