package org.carepath.clinicview.figures;

/** The read model's figures documents, each with a small, bounded number of entries. */
public final class FigureCollections {

    /** {@code _id} = a clinic day (yyyy-MM-dd, New York): episodes reported, emergencies decided, follow-ups sent. */
    public static final String DAYS = "day_figures";

    /** {@code _id} = {@code <siteId>#<yyyy-MM-dd>}: the appointments of a site on a day. */
    public static final String SITE_DAYS = "site_day_figures";

    /** {@code _id} = a specialty: the open waitlist entries. */
    public static final String WAITLISTS = "waitlist_figures";

    /** {@code _id} = {@value #KNOWN_SITES}: every site an appointment was booked at, with its region. */
    public static final String SITES = "site_figures";

    public static final String KNOWN_SITES = "known";

    private FigureCollections() {}
}
