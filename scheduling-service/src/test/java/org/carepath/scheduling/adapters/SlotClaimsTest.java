package org.carepath.scheduling.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.AppointmentStatus;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.Specialty;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.testing.CountingWireServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A decision's slots claimed in one insert on the wire server: the unique {@code _id} still decides every race, and
 * a slot refused as taken is looked at alone, so an earlier attempt's own claim is held again and another
 * appointment's stays untouched.
 */
class SlotClaimsTest {

    private static final Instant EARLIER = Instant.parse("2027-03-01T14:00:00Z");
    private static final Instant NOW = Instant.parse("2027-03-01T15:00:00Z");

    private CountingWireServer store;
    private MongoTemplate mongo;
    private SlotClaims claims;

    @BeforeEach
    void start() {
        store = CountingWireServer.start("slot-claims-test");
        mongo = store.template();
        claims = new SlotClaims(mongo);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void freeSlotsAreAllClaimedForTheirAppointments() {
        List<Appointment> plan = List.of(
                appointment("ep-1:IMAGING:v1", "mri-1@2027-03-02T14:00:00Z"),
                appointment("ep-1:SPECIALIST:v1", "ortho-1@2027-03-03T14:00:00Z"));

        assertThat(claims.claimAll(plan, NOW))
                .containsExactlyInAnyOrder("mri-1@2027-03-02T14:00:00Z", "ortho-1@2027-03-03T14:00:00Z");
        assertThat(mongo.findAll(SlotClaim.class))
                .extracting(SlotClaim::slotId, SlotClaim::appointmentId, SlotClaim::claimedAt)
                .containsExactlyInAnyOrder(
                        tuple("mri-1@2027-03-02T14:00:00Z", "ep-1:IMAGING:v1", NOW),
                        tuple("ortho-1@2027-03-03T14:00:00Z", "ep-1:SPECIALIST:v1", NOW));
    }

    @Test
    void aSlotAnotherAppointmentHoldsIsLostAndAnEarlierAttemptsOwnClaimIsHeldAgain() {
        Appointment ours = appointment("ep-1:IMAGING:v1", "mri-1@2027-03-02T14:00:00Z");
        Appointment theirs = appointment("ep-2:SPECIALIST:v1", "ortho-1@2027-03-03T14:00:00Z");
        Appointment free = appointment("ep-1:THERAPY:v1", "pt-1@2027-03-04T14:00:00Z");
        assertThat(claims.claimAll(List.of(ours, theirs), EARLIER)).hasSize(2);

        List<Appointment> plan = List.of(ours, appointment("ep-1:SPECIALIST:v1", "ortho-1@2027-03-03T14:00:00Z"), free);

        assertThat(claims.claimAll(plan, NOW))
                .containsExactlyInAnyOrder("mri-1@2027-03-02T14:00:00Z", "pt-1@2027-03-04T14:00:00Z");
        assertThat(mongo.findById("ortho-1@2027-03-03T14:00:00Z", SlotClaim.class))
                .extracting(SlotClaim::appointmentId, SlotClaim::claimedAt)
                .containsExactly("ep-2:SPECIALIST:v1", EARLIER);
        assertThat(mongo.findById("mri-1@2027-03-02T14:00:00Z", SlotClaim.class))
                .as("refreshed, so the orphan sweep does not take it")
                .extracting(SlotClaim::claimedAt)
                .isEqualTo(NOW);
    }

    private static Appointment appointment(String appointmentId, String slotId) {
        Instant start = Instant.parse(slotId.substring(slotId.indexOf('@') + 1));
        return new Appointment(
                appointmentId,
                appointmentId.substring(0, appointmentId.indexOf(':')),
                1,
                AppointmentType.SPECIALIST_VISIT,
                Specialty.ORTHOPEDIC_SPINE,
                slotId.substring(0, slotId.indexOf('@')),
                "site-1",
                Region.QUEENS,
                slotId,
                start,
                start.plusSeconds(1800),
                AppointmentStatus.BOOKED,
                "99204",
                "BK-1");
    }
}
