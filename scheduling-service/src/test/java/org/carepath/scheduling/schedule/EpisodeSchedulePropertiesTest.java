package org.carepath.scheduling.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.FollowUpKind;
import org.carepath.events.scheduling.Specialty;
import org.carepath.events.triage.TriageDecided;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.BookingPlanner;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.scheduling.booking.DirectoryOpenSlots;
import org.carepath.scheduling.booking.PatientTime;
import org.carepath.scheduling.booking.WaitlistCandidate;
import org.carepath.scheduling.booking.WaitlistEntry;
import org.carepath.scheduling.booking.WaitlistServed;
import org.carepath.scheduling.booking.WaitlistServer;
import org.carepath.scheduling.directory.Adjacency;
import org.carepath.scheduling.directory.AvailabilityWindow;
import org.carepath.scheduling.directory.Directories;
import org.carepath.scheduling.directory.Directory;
import org.carepath.scheduling.directory.Provider;
import org.carepath.scheduling.directory.Slot;
import org.carepath.scheduling.directory.SlotCatalog;
import org.carepath.scheduling.directory.SlotQuery;
import org.carepath.scheduling.followup.FollowUp;
import org.carepath.scheduling.followup.FollowUpPlanner;
import org.carepath.scheduling.followup.QuietHours;
import org.junit.jupiter.api.Test;

/**
 * Properties of the pure aggregate over random sequences of decisions, online bookings, moves, cancellations,
 * waitlist serving, redeliveries and time passing, for eight episodes of four patients competing for a directory
 * with few slots. The world around the aggregates is the adapter's contract in miniature: a change's claims are
 * taken and released exactly as it says, its next state replaces the old one. After every step: no provider is
 * double-booked (§4.2, §4.4), no patient has overlapping appointments across their episodes (§4.2 amended), every
 * claim belongs to a booked appointment and every booked appointment holds its slot's claim, every pending reminder
 * belongs to an appointment booked at that time (MSG-STALE), no follow-up other than MSG-ER falls due or is sent
 * between 20:00 and 09:00 New York time (MSG-QUIET), and a redelivered decision changes nothing (§4.5).
 */
class EpisodeSchedulePropertiesTest {

    private static final int SEQUENCES = 300;
    private static final int STEPS = 40;
    private static final int EPISODES = 8;
    private static final Duration HORIZON = Duration.ofDays(10);
    private static final QuietHours QUIET = QuietHours.DEFAULT;

    private static final List<Supplier<TriageDecided>> DECISIONS = List.of(
            Decisions::conservativeCare,
            Decisions::conservativeCareWithPhysicalTherapy,
            Decisions::conservativeCareAfterFall,
            Decisions::specialistReferral,
            Decisions::specialistReferralWithMri,
            Decisions::nerveSignsReferral,
            Decisions::cancerHistoryReferral,
            Decisions::cancerHistoryReferralWithMri,
            Decisions::emergencyHoldReferralWithMri,
            Decisions::surgicalConsultWithCt,
            Decisions::surgicalConsult,
            Decisions::chemodenervationConsult,
            Decisions::emergency,
            Decisions::recovered);

    private final Directory directory = scarceDirectory();
    private final SlotCatalog catalog = new SlotCatalog(directory);
    private final ScheduleRules rules =
            new ScheduleRules(new BookingPlanner(directory), new FollowUpPlanner(directory, QUIET));

    @Test
    void randomSequencesNeverDoubleBookNorOverlapNorOrphanARemindersNorSendInQuietHours() {
        for (int seed = 0; seed < SEQUENCES; seed++) {
            World world = new World(new Random(seed));
            for (int step = 0; step < STEPS; step++) {
                String done = world.step();
                try {
                    world.checkInvariants();
                } catch (AssertionError broken) {
                    fail("seed " + seed + ", step " + step + " (" + done + "): " + broken.getMessage(), broken);
                }
            }
        }
    }

    /** The aggregates of one random sequence, and the slot claims and clock around them. */
    private final class World {

        private final Random random;
        private final Map<String, EpisodeSchedule> schedules = new LinkedHashMap<>();
        private final Map<String, String> patientOf = new HashMap<>();
        private final Map<String, String> claims = new HashMap<>();
        private final List<Delivered> delivered = new ArrayList<>();
        private Instant now = Decisions.DECIDED_AT;

        private record Delivered(TriageDecided decision, String eventId) {}

        World(Random random) {
            this.random = random;
            for (int i = 0; i < EPISODES; i++) {
                String episodeId = "ep-" + i;
                schedules.put(episodeId, EpisodeSchedule.unknown(episodeId));
                // ep-5 has no patient id yet: it is its own patient
                patientOf.put(episodeId, i == EPISODES - 1 ? null : "patient-" + (i % 3));
            }
        }

        String step() {
            int dice = random.nextInt(100);
            if (dice < 30) {
                return decide();
            }
            if (dice < 38) {
                return redeliver();
            }
            if (dice < 52) {
                return book();
            }
            if (dice < 62) {
                return reschedule();
            }
            if (dice < 70) {
                return cancel();
            }
            if (dice < 84) {
                return serveFreedSlot();
            }
            if (dice < 89) {
                return retryWaitlist();
            }
            return passTime();
        }

        private String decide() {
            String episodeId = anyEpisode();
            EpisodeSchedule schedule = schedules.get(episodeId);
            // now and then a stale version, which books nothing
            int version = Math.max(1, schedule.decisionVersion() + (random.nextInt(5) == 0 ? 0 : 1));
            TriageDecided decision = Decisions.decidedAt(
                    Decisions.forPatient(
                            Decisions.withVersion(
                                    Decisions.forEpisode(
                                            DECISIONS
                                                    .get(random.nextInt(DECISIONS.size()))
                                                    .get(),
                                            episodeId),
                                    version),
                            patientOf.get(episodeId)),
                    now);
            String eventId = new UUID(random.nextLong(), random.nextLong()).toString();
            ScheduleChange change = schedule.decide(decision, eventId, openingsFor(episodeId), now, rules);
            carryOut(episodeId, change);
            delivered.add(new Delivered(decision, eventId));
            return "decide " + decision.disposition() + " v" + version + " for " + episodeId;
        }

        private String redeliver() {
            if (delivered.isEmpty()) {
                return "no redelivery";
            }
            Delivered again = delivered.get(random.nextInt(delivered.size()));
            String episodeId = again.decision().episodeId();
            ScheduleChange change = schedules
                    .get(episodeId)
                    .decide(again.decision(), again.eventId(), openingsFor(episodeId), now, rules);
            assertThat(change.changesNothing())
                    .as("a redelivered decision (§4.5)")
                    .isTrue();
            assertThat(change.events()).isEmpty();
            assertThat(change.claimsToTake()).isEmpty();
            return "redeliver " + again.eventId() + " to " + episodeId;
        }

        private String book() {
            String episodeId = anyEpisode();
            EpisodeSchedule schedule = schedules.get(episodeId);
            Optional<Slot> slot = anyOpenSlot();
            if (schedule.decisionVersion() == 0 || slot.isEmpty()) {
                return "no booking";
            }
            List<AppointmentType> fitting = List.of(AppointmentType.values()).stream()
                    .filter(type -> slot.get().suits(type))
                    .toList();
            AppointmentType type = fitting.get(random.nextInt(fitting.size()));
            String appointmentId = episodeId + ":" + type + ":online:" + random.nextInt(1_000_000);
            return refusedOr(
                    () -> schedule.book(appointmentId, type, slot.get(), null, elsewhere(episodeId), now, rules),
                    episodeId,
                    "book " + appointmentId + " in " + slot.get().slotId());
        }

        private String reschedule() {
            Optional<Appointment> appointment = anyAppointment(true);
            Optional<Slot> slot = anyOpenSlot();
            if (appointment.isEmpty() || slot.isEmpty()) {
                return "no move";
            }
            String episodeId = appointment.get().episodeId();
            return refusedOr(
                    () -> schedules
                            .get(episodeId)
                            .reschedule(
                                    appointment.get().appointmentId(),
                                    slot.get(),
                                    null,
                                    elsewhere(episodeId),
                                    now,
                                    rules),
                    episodeId,
                    "move " + appointment.get().appointmentId() + " to "
                            + slot.get().slotId());
        }

        private String cancel() {
            Optional<Appointment> appointment = anyAppointment(false);
            if (appointment.isEmpty()) {
                return "no cancellation";
            }
            String episodeId = appointment.get().episodeId();
            carryOut(
                    episodeId,
                    schedules.get(episodeId).cancel(appointment.get().appointmentId(), null, null, now, rules));
            return "cancel " + appointment.get().appointmentId();
        }

        /** A slot that some waiting entry wants comes free (a cancellation elsewhere, new availability). */
        private String serveFreedSlot() {
            List<WaitlistEntry> waiting = schedules.values().stream()
                    .flatMap(schedule -> schedule.bookings().waiting().stream())
                    .toList();
            if (waiting.isEmpty()) {
                return "no one waits";
            }
            WaitlistEntry wanting = waiting.get(random.nextInt(waiting.size()));
            Instant from = wanting.windowStart().isAfter(now) ? wanting.windowStart() : now;
            List<Slot> open = from.isBefore(wanting.windowEnd())
                    ? catalog.open(
                            new SlotQuery(
                                    wanting.specialty(),
                                    wanting.modality(),
                                    directory.regions(),
                                    from,
                                    wanting.windowEnd()),
                            claims.keySet())
                    : List.of();
            Optional<Slot> freed =
                    open.isEmpty() ? Optional.empty() : Optional.of(open.get(random.nextInt(open.size())));
            if (freed.isEmpty()) {
                return "no slot to serve";
            }
            List<WaitlistCandidate> candidates = schedules.values().stream()
                    .flatMap(schedule -> schedule.bookings().waiting().stream()
                            .map(entry -> new WaitlistCandidate(
                                    entry, schedule.bookings().alsoBusy(elsewhere(schedule.episodeId())))))
                    .toList();
            Optional<WaitlistServed> served = WaitlistServer.serve(freed.get(), candidates, now);
            if (served.isEmpty()) {
                return "slot " + freed.get().slotId() + " served no one";
            }
            String episodeId = served.get().entry().episodeId();
            carryOut(episodeId, schedules.get(episodeId).serve(served.get(), now, rules));
            return "serve " + served.get().entry().entryId() + " in "
                    + freed.get().slotId();
        }

        private String retryWaitlist() {
            String episodeId = anyEpisode();
            carryOut(episodeId, schedules.get(episodeId).serveWaiting(openingsFor(episodeId), now, rules));
            return "retry the waitlist of " + episodeId;
        }

        private String passTime() {
            // up to 20 hours: a jump may land in quiet hours with follow-ups fallen due before them
            now = now.plus(Duration.ofMinutes(15L * (1 + random.nextInt(80))));
            for (String episodeId : List.copyOf(schedules.keySet())) {
                ScheduleChange change = schedules.get(episodeId).sendDue(now, QUIET);
                for (ScheduleEvent event : change.events()) {
                    if (event instanceof ScheduleEvent.FollowUpDue due
                            && due.followUp().kind() != FollowUpKind.EMERGENCY_INSTRUCTION) {
                        assertThat(QUIET.isQuiet(now))
                                .as("MSG-QUIET: %s sent at %s", due.followUp().followUpId(), now)
                                .isFalse();
                    }
                }
                carryOut(episodeId, change);
            }
            return "time passes to " + now;
        }

        /** The adapter's part: the change's claims taken and released as it says, its next state kept. */
        private void carryOut(String episodeId, ScheduleChange change) {
            assertThat(change.before()).isEqualTo(schedules.get(episodeId));
            for (Appointment taken : change.claimsToTake()) {
                String holder = claims.get(taken.slotId());
                assertThat(holder == null || holder.equals(taken.appointmentId()))
                        .as("slot %s is held by %s, not free for %s", taken.slotId(), holder, taken.appointmentId())
                        .isTrue();
                claims.put(taken.slotId(), taken.appointmentId());
            }
            for (Appointment released : change.claimsToRelease()) {
                claims.remove(released.slotId(), released.appointmentId());
            }
            for (ScheduleEvent event : change.events()) {
                if (event instanceof ScheduleEvent.FollowUpDue due
                        && due.followUp().kind() != FollowUpKind.EMERGENCY_INSTRUCTION) {
                    assertThat(QUIET.isQuiet(now))
                            .as("MSG-QUIET: %s sent at %s", due.followUp().followUpId(), now)
                            .isFalse();
                }
            }
            schedules.put(episodeId, change.next());
        }

        private String refusedOr(Supplier<ScheduleChange> transition, String episodeId, String what) {
            try {
                carryOut(episodeId, transition.get());
                return what;
            } catch (ChangeRefused refused) {
                return what + " refused: " + refused.getMessage();
            }
        }

        void checkInvariants() {
            List<Appointment> booked = schedules.values().stream()
                    .flatMap(schedule -> schedule.booked().stream())
                    .toList();
            noTwoOverlap(booked, Appointment::providerId, "provider");
            noTwoOverlap(booked, appointment -> patientOf(appointment.episodeId()), "patient");
            assertThat(claims)
                    .as("the claims are the slots of the booked appointments")
                    .isEqualTo(
                            booked.stream().collect(Collectors.toMap(Appointment::slotId, Appointment::appointmentId)));
            for (EpisodeSchedule schedule : schedules.values()) {
                for (FollowUp followUp : schedule.followUps()) {
                    if (followUp.isReminder() && followUp.isPending()) {
                        assertThat(schedule.booked())
                                .as("MSG-STALE: pending reminder %s", followUp.followUpId())
                                .anySatisfy(appointment -> assertThat(FollowUpPlanner.reminderId(appointment))
                                        .isEqualTo(followUp.followUpId()));
                    }
                    if (followUp.kind() != FollowUpKind.EMERGENCY_INSTRUCTION) {
                        assertThat(QUIET.isQuiet(followUp.dueAt()))
                                .as("MSG-QUIET: %s due at %s", followUp.followUpId(), followUp.dueAt())
                                .isFalse();
                    }
                }
            }
        }

        private void noTwoOverlap(List<Appointment> booked, Function<Appointment, String> owner, String whose) {
            Map<String, List<Appointment>> byOwner = booked.stream().collect(Collectors.groupingBy(owner));
            byOwner.forEach((id, appointments) -> {
                for (int i = 0; i < appointments.size(); i++) {
                    for (int j = i + 1; j < appointments.size(); j++) {
                        Appointment one = appointments.get(i);
                        Appointment other = appointments.get(j);
                        assertThat(one.overlaps(other.start(), other.end()))
                                .as("%s %s booked twice at once: %s and %s", whose, id, one, other)
                                .isFalse();
                    }
                }
            });
        }

        private Openings openingsFor(String episodeId) {
            return new Openings(
                    new DirectoryOpenSlots(catalog, slotIds -> slotIds.stream()
                            .filter(claims::containsKey)
                            .collect(Collectors.toSet())),
                    elsewhere(episodeId));
        }

        /** The patient's booked time in their other episodes (§4.2 amended). */
        private List<PatientTime> elsewhere(String episodeId) {
            String patient = patientOf.get(episodeId);
            if (patient == null) {
                return List.of();
            }
            return schedules.values().stream()
                    .filter(schedule -> !schedule.episodeId().equals(episodeId))
                    .filter(schedule -> patient.equals(patientOf.get(schedule.episodeId())))
                    .flatMap(schedule -> schedule.booked().stream())
                    .map(PatientTime::of)
                    .toList();
        }

        private String patientOf(String episodeId) {
            String patient = patientOf.get(episodeId);
            return patient == null ? episodeId : patient;
        }

        private String anyEpisode() {
            return "ep-" + random.nextInt(EPISODES);
        }

        private Optional<Slot> anyOpenSlot() {
            Provider provider = directory
                    .providers()
                    .get(random.nextInt(directory.providers().size()));
            List<Slot> open = catalog.slotsOf(provider, now.plusSeconds(60), now.plus(HORIZON)).stream()
                    .filter(slot -> !claims.containsKey(slot.slotId()))
                    .toList();
            return open.isEmpty() ? Optional.empty() : Optional.of(open.get(random.nextInt(open.size())));
        }

        private Optional<Appointment> anyAppointment(boolean bookedOnly) {
            List<Appointment> all = schedules.values().stream()
                    .flatMap(schedule -> schedule.appointments().stream())
                    .filter(appointment -> !bookedOnly || appointment.isBooked())
                    .toList();
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(random.nextInt(all.size())));
        }
    }

    /** Queens and Nassau, one provider of each kind, each open 09:00–10:00 on Mondays and Thursdays: slots run short. */
    private static Directory scarceDirectory() {
        var window = List.of(new AvailabilityWindow(
                List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), LocalTime.of(9, 0), LocalTime.of(10, 0)));
        return new Directory(
                List.of(Region.QUEENS, Region.NASSAU),
                List.of(new Adjacency(Region.QUEENS, Region.NASSAU)),
                List.of(
                        Directories.clinic("queens-clinic", "Queens clinic", Region.QUEENS),
                        Directories.clinic("nassau-clinic", "Nassau clinic", Region.NASSAU)),
                List.of(
                        new Provider("ortho-1", "ortho-1", Specialty.ORTHOPEDIC_SPINE, null, "queens-clinic", window),
                        new Provider("spine-1", "spine-1", Specialty.SPINE_SURGEON, null, "nassau-clinic", window),
                        new Provider("pt-1", "pt-1", Specialty.PHYSICAL_THERAPY, null, "queens-clinic", window),
                        new Provider("rehab-1", "rehab-1", Specialty.REHABILITATION, null, "nassau-clinic", window),
                        new Provider(
                                "xray-1", "xray-1", Specialty.IMAGING, ImagingModality.XRAY, "queens-clinic", window),
                        new Provider("mri-1", "mri-1", Specialty.IMAGING, ImagingModality.MRI, "nassau-clinic", window),
                        new Provider("ct-1", "ct-1", Specialty.IMAGING, ImagingModality.CT, "queens-clinic", window)));
    }
}
