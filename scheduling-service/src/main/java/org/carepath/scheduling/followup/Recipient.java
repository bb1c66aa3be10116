package org.carepath.scheduling.followup;

import org.carepath.events.intake.Contact;
import org.carepath.events.intake.ContactChannel;

/** Where a patient's messages go: the phone for SMS and PHONE, the email address for EMAIL. */
record Recipient(ContactChannel channel, String to) {

    static Recipient of(Contact contact, String episodeId) {
        if (contact == null || contact.channel() == null) {
            throw new IllegalArgumentException("episode " + episodeId + " has no contact channel");
        }
        String to = contact.channel() == ContactChannel.EMAIL ? contact.email() : contact.phone();
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException(
                    "episode " + episodeId + " has no address for its contact channel " + contact.channel());
        }
        return new Recipient(contact.channel(), to);
    }
}
