package org.carepath.events.intake;

import java.time.LocalDate;

public record Patient(String mrn, String name, LocalDate birthDate, Region region, Contact contact) {}
