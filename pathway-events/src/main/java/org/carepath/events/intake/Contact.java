package org.carepath.events.intake;

public record Contact(ContactChannel channel, String phone, String email) {}
