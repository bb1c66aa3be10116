package org.carepath.scheduling.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.FollowUpKind;
import org.carepath.events.triage.TriageDecided;
import org.carepath.platform.messaging.InboundEvent;
import org.carepath.platform.web.ConflictException;
import org.carepath.platform.web.InvalidFieldException;
import org.carepath.platform.web.NotFoundException;
import org.carepath.scheduling.EpisodeDecisions;
import org.carepath.scheduling.Epochs;
import org.carepath.scheduling.TestClock;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.scheduling.directory.Directory;
import org.carepath.scheduling.directory.Provider;
import org.carepath.scheduling.directory.Slot;
import org.carepath.scheduling.directory.SlotCatalog;
import org.carepath.scheduling.followup.FollowUp;
import org.carepath.scheduling.followup.FollowUpPlanner;
import org.carepath.scheduling.followup.QuietHours;
import org.carepath.testing.TestInfrastructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Properties over random sequences of decisions (new versions, redeliveries, the same version under a new id,
 * two at once), online bookings, moves, cancellations, waitlist retries, sweeps and the clock moving on with the
 * dispatcher, each sequence from a seeded {@link Random}, against the real adapters and the MongoDB wire server.
 * After every step: no provider is double-booked (and each booked slot's claim is held by its appointment), no
 * patient has overlapping appointments across their episodes (scheduling-rules §4.2), every reminder belongs to an
 * appointment saved as booked (MSG-APPT, MSG-STALE), and no follow-up but MSG-ER falls due between 20:00 and 09:00
 * New York time (MSG-QUIET, MSG-TIME).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(TestClock.class)
class SchedulingPropertiesIT {

    private static final int STEPS = 150;
    private static final List<TriageDecided> TEMPLATES = List.of(
            Decisions.withImaging(Decisions.conservativeCareWithPhysicalTherapy(), Decisions.xray()),
            Decisions.specialistReferralWithMri(),
            Decisions.specialistReferral(),
            Decisions.cancerHistoryReferralWithMri(),
            Decisions.emergencyHoldReferralWithMri(),
            Decisions.surgicalConsultWithCt(),
            Decisions.chemodenervationConsult(),
            Decisions.emergency(),
            Decisions.recovered());

    @Autowired
    DecisionScheduling decisions;

    @Autowired
    OnlineBooking online;

    @Autowired
    WaitlistScheduling waitlist;

    @Autowired
    FollowUpDispatcher dispatcher;

    @Autowired
    OrphanClaimSweeper sweeper;

    @Autowired
    EpisodeSchedules schedules;

    @Autowired
    SlotCatalog catalog;

    @Autowired
    Directory directory;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11L, 2026L})
    void randomSequencesKeepTheBookingAndMessagingInvariants(long seed) {
        Random random = new Random(seed);
        int epoch = seed == 11L ? 30 : 32;
        Instant now = Epochs.at(epoch, 0, "08:30");
        TestClock.CLOCK.set(now);
        Run run = new Run(random, seed);
        for (int step = 0; step < STEPS; step++) {
            String action = run.step(now);
            now = TestClock.CLOCK.instant();
            run.assertInvariants(now, "seed " + seed + ", step " + step + " (" + action + ")");
        }
        assertThat(run.booked()).as("the sequences book something").isPositive();
    }

    /** One random sequence: six episodes of four patients (two episodes each for two, one each for two). */
    private final class Run {

        private final Random random;
        private final List<String> episodes = new ArrayList<>();
        private final Map<String, String> patientOf = new HashMap<>();
        private final Map<String, Integer> versions = new HashMap<>();
        private final Map<String, InboundEvent<TriageDecided>> last = new HashMap<>();

        Run(Random random, long seed) {
            this.random = random;
            String p1 = "patient-" + seed + "-" + UUID.randomUUID();
            String p2 = "patient-" + seed + "-" + UUID.randomUUID();
            for (int i = 0; i < 6; i++) {
                String episodeId = EpisodeDecisions.newEpisodeId();
                episodes.add(episodeId);
                patientOf.put(episodeId, i < 2 ? p1 : i < 4 ? p2 : null);
                versions.put(episodeId, 0);
            }
        }

        String step(Instant now) {
            int dice = random.nextInt(100);
            try {
                if (dice < 35) {
                    return decide(now);
                } else if (dice < 50) {
                    return bookOnline(now);
                } else if (dice < 60) {
                    return reschedule(now);
                } else if (dice < 70) {
                    return cancel();
                } else if (dice < 75) {
                    waitlist.retryEpisode(anEpisode());
                    return "waitlist retry";
                } else if (dice < 78) {
                    sweeper.sweep(now);
                    return "sweep";
                }
                Instant later = now.plus(Duration.ofMinutes(1 + random.nextInt(300)));
                TestClock.CLOCK.set(later);
                dispatcher.dispatchDue();
                return "clock to " + later + " and dispatch";
            } catch (ConflictException | InvalidFieldException | NotFoundException refused) {
                return "refused (4xx): " + refused.getMessage();
            } catch (ConcurrencyFailureException retriedLater) {
                return "transient, retried later: " + retriedLater.getMessage();
            }
        }

        private String decide(Instant now) {
            String episodeId = anEpisode();
            int redelivery = random.nextInt(10);
            InboundEvent<TriageDecided> event;
            if (redelivery == 0 && last.containsKey(episodeId)) {
                event = last.get(episodeId);
            } else if (redelivery == 1 && last.containsKey(episodeId)) {
                event = new InboundEvent<>(
                        UUID.randomUUID().toString(),
                        "carepath.triage.decided.v1",
                        episodeId,
                        last.get(episodeId).payload());
            } else {
                int version = versions.merge(episodeId, 1, Integer::sum);
                TriageDecided template = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
                TriageDecided decision = Decisions.forPatient(
                        EpisodeDecisions.version(template, episodeId, now, version), patientOf.get(episodeId));
                event = new InboundEvent<>(
                        UUID.randomUUID().toString(), "carepath.triage.decided.v1", episodeId, decision);
                last.put(episodeId, event);
            }
            if (random.nextBoolean()) {
                decisions.decidedAll(List.of(event));
                return "decision " + event.payload().disposition() + " v"
                        + event.payload().version();
            }
            // two at once, as one batch
            String other = anEpisode();
            int version = versions.merge(other, 1, Integer::sum);
            TriageDecided second = Decisions.forPatient(
                    EpisodeDecisions.version(TEMPLATES.get(random.nextInt(TEMPLATES.size())), other, now, version),
                    patientOf.get(other));
            InboundEvent<TriageDecided> secondEvent =
                    new InboundEvent<>(UUID.randomUUID().toString(), "carepath.triage.decided.v1", other, second);
            last.put(other, secondEvent);
            decisions.decidedAll(List.of(event, secondEvent));
            return "batch of two decisions";
        }

        private String bookOnline(Instant now) {
            String episodeId = anEpisode();
            Slot slot = aSlot(now);
            List<AppointmentType> types =
                    Arrays.stream(AppointmentType.values()).filter(slot::suits).toList();
            AppointmentType type = types.get(random.nextInt(types.size()));
            online.book(episodeId, slot.slotId(), type, aKey());
            return "book " + type + " in " + slot.slotId();
        }

        private String reschedule(Instant now) {
            Optional<Appointment> booked = aBookedAppointment();
            if (booked.isEmpty()) {
                return "nothing to move";
            }
            Slot slot = aSlotOf(booked.get().specialty(), now);
            online.reschedule(booked.get().appointmentId(), slot.slotId(), aKey());
            return "move " + booked.get().appointmentId() + " to " + slot.slotId();
        }

        private String cancel() {
            Optional<Appointment> booked = aBookedAppointment();
            if (booked.isEmpty()) {
                return "nothing to cancel";
            }
            online.cancel(booked.get().appointmentId(), null, aKey());
            return "cancel " + booked.get().appointmentId();
        }

        /** Now and then no key, else one of a few: a key met again is a retry of its request, or a 409. */
        private String aKey() {
            return random.nextInt(3) == 0 ? null : "key-" + random.nextInt(4);
        }

        void assertInvariants(Instant now, String after) {
            List<EpisodeScheduleDocument> all = schedules.findAll(episodes);
            List<Appointment> booked = all.stream()
                    .flatMap(schedule -> schedule.appointments().stream())
                    .filter(Appointment::isBooked)
                    .toList();
            for (Appointment appointment : booked) {
                SlotClaim claim = mongo.findById(appointment.slotId(), SlotClaim.class);
                assertThat(claim)
                        .as("%s: the claim of booked %s", after, appointment.appointmentId())
                        .isNotNull()
                        .extracting(SlotClaim::appointmentId)
                        .isEqualTo(appointment.appointmentId());
                for (Appointment other : booked) {
                    if (other == appointment) {
                        continue;
                    }
                    boolean overlap = appointment.start().isBefore(other.end())
                            && other.start().isBefore(appointment.end());
                    boolean sameProvider = appointment.providerId().equals(other.providerId());
                    boolean samePatient = patientKey(appointment.episodeId()).equals(patientKey(other.episodeId()));
                    assertThat(overlap && sameProvider)
                            .as("%s: provider double-booked by %s and %s", after, appointment, other)
                            .isFalse();
                    assertThat(overlap && samePatient)
                            .as("%s: patient overlapping in %s and %s", after, appointment, other)
                            .isFalse();
                }
            }
            for (EpisodeScheduleDocument schedule : all) {
                for (FollowUp followUp : schedule.followUps()) {
                    if (followUp.isReminder()) {
                        Optional<Appointment> reminded = schedule.appointment(followUp.appointmentId());
                        assertThat(reminded)
                                .as("%s: reminder %s belongs to a saved appointment", after, followUp)
                                .isPresent();
                        if (followUp.isPending()) {
                            assertThat(reminded.get().isBooked()
                                            && FollowUpPlanner.reminderId(reminded.get())
                                                    .equals(followUp.followUpId()))
                                    .as("%s: pending reminder %s belongs to a booked appointment", after, followUp)
                                    .isTrue();
                        }
                    }
                    if (followUp.kind() != FollowUpKind.EMERGENCY_INSTRUCTION) {
                        assertThat(QuietHours.DEFAULT.isQuiet(followUp.dueAt()))
                                .as("%s: %s falls due in quiet hours", after, followUp)
                                .isFalse();
                    }
                }
            }
        }

        int booked() {
            return (int) schedules.findAll(episodes).stream()
                    .flatMap(schedule -> schedule.appointments().stream())
                    .count();
        }

        private String patientKey(String episodeId) {
            String patientId = patientOf.get(episodeId);
            return patientId == null ? episodeId : patientId;
        }

        private String anEpisode() {
            return episodes.get(random.nextInt(episodes.size()));
        }

        private Optional<Appointment> aBookedAppointment() {
            List<Appointment> booked = schedules.findAll(episodes).stream()
                    .flatMap(schedule -> schedule.appointments().stream())
                    .filter(Appointment::isBooked)
                    .toList();
            return booked.isEmpty() ? Optional.empty() : Optional.of(booked.get(random.nextInt(booked.size())));
        }

        private Slot aSlot(Instant now) {
            List<Provider> providers = directory.providers();
            return aSlotOf(providers.get(random.nextInt(providers.size())), now);
        }

        private Slot aSlotOf(org.carepath.events.scheduling.Specialty specialty, Instant now) {
            List<Provider> providers = directory.providers().stream()
                    .filter(provider -> provider.specialty() == specialty)
                    .toList();
            return aSlotOf(providers.get(random.nextInt(providers.size())), now);
        }

        private Slot aSlotOf(Provider provider, Instant now) {
            List<Slot> slots = catalog.slotsOf(provider, now, now.plus(Duration.ofDays(3)));
            if (slots.isEmpty()) {
                slots = catalog.slotsOf(provider, now, now.plus(Duration.ofDays(14)));
            }
            // only the first few, so that bookings meet each other
            return slots.get(random.nextInt(Math.min(slots.size(), 12)));
        }
    }
}
