package org.carepath.scheduling.directory;

public enum SiteKind {
    CLINIC,
    HOSPITAL
}
