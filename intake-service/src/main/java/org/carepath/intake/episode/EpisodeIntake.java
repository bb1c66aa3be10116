package org.carepath.intake.episode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carepath.events.Topics;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.PatientIds;
import org.carepath.events.triage.TriageDecided;
import org.carepath.intake.report.CheckInRequest;
import org.carepath.intake.report.FindingRequest;
import org.carepath.intake.report.ReportMapper;
import org.carepath.intake.report.ReportRequest;
import org.carepath.platform.messaging.InboundEvent;
import org.carepath.platform.messaging.OutboxMessages;
import org.carepath.platform.outbox.OutboxStore;
import org.carepath.platform.persistence.ConcurrentWrites;
import org.carepath.platform.web.ConflictException;
import org.carepath.platform.web.InvalidFieldException;
import org.carepath.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Accepts reports, check-ins and findings; each is stored with the event it causes, then relayed. */
@Service
class EpisodeIntake {

    private static final Logger log = LoggerFactory.getLogger(EpisodeIntake.class);
    private static final ZoneId CLINIC_ZONE = ZoneId.of("America/New_York");

    private final EpisodeRepository episodes;
    private final OutboxMessages outboxMessages;
    private final OutboxStore store;
    private final EpisodeDecisions decisions;
    private final JsonMapper jsonMapper;
    private final PatientIds patientIds;
    private final Clock clock;

    EpisodeIntake(
            EpisodeRepository episodes,
            OutboxMessages outboxMessages,
            OutboxStore store,
            EpisodeDecisions decisions,
            JsonMapper jsonMapper,
            PatientIds patientIds,
            Clock clock) {
        this.episodes = episodes;
        this.outboxMessages = outboxMessages;
        this.store = store;
        this.decisions = decisions;
        this.jsonMapper = jsonMapper;
        this.patientIds = patientIds;
        this.clock = clock;
    }

    /**
     * Stores a new episode and its {@code episode.reported} event. With an idempotency key, a retry of the same
     * request answers the episode already created (published once); another request under that key is refused.
     */
    Episode report(ReportRequest request, String idempotencyKey) {
        if (request.onsetDate().isAfter(LocalDate.now(clock.withZone(CLINIC_ZONE)))) {
            throw new InvalidFieldException("onsetDate", "must not be in the future");
        }
        String requestHash = fingerprintIfKeyed(request, idempotencyKey);
        if (idempotencyKey != null) {
            var earlier = episodes.findByIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                return sameRequestOrConflict(earlier.get(), requestHash);
            }
        }
        String patientId = patientIds.of(request.patient().mrn());
        EpisodeReported report =
                ReportMapper.toEvent(UUID.randomUUID().toString(), clock.instant(), patientId, request);
        var event = outboxMessages.create(Topics.EPISODE_REPORTED, report.episodeId(), report);
        try {
            Episode episode = store.insert(Episode.reported(report, idempotencyKey, requestHash, event));
            log.info("Episode {} reported (event {})", episode.episodeId(), event.eventId());
            return episode;
        } catch (DuplicateKeyException raced) {
            // Another instance stored the same key between our lookup and insert: the unique index decides.
            return sameRequestOrConflict(
                    episodes.findByIdempotencyKey(idempotencyKey).orElseThrow(), requestHash);
        }
    }

    /**
     * Records a check-in and its event. With an idempotency key, a retry of the same request answers the check-in
     * already recorded (published once); another request under that key is refused. Past
     * {@link Episode#MAX_CHECK_INS} the episode takes no more.
     */
    Recorded checkIn(String episodeId, CheckInRequest request, String idempotencyKey) {
        String requestHash = fingerprintIfKeyed(request, idempotencyKey);
        return ConcurrentWrites.retry(() -> {
            Episode episode = find(episodeId);
            Optional<Recorded> earlier = earlier(episode, idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            if (episode.checkIns().size() >= Episode.MAX_CHECK_INS) {
                throw new ConflictException(
                        "The episode has its limit of " + Episode.MAX_CHECK_INS + " check-ins; report a new episode");
            }
            var checkIn = ReportMapper.toEvent(episodeId, UUID.randomUUID().toString(), clock.instant(), request);
            var event = outboxMessages.create(Topics.CHECKIN_RECORDED, episodeId, checkIn);
            store.save(episode.withCheckIn(checkIn, event, keyed(idempotencyKey, requestHash, checkIn.checkInId())));
            log.info("Check-in {} recorded for episode {}", checkIn.checkInId(), episodeId);
            return new Recorded(checkIn.checkInId(), episode.closed());
        });
    }

    /** As {@link #checkIn}, for a finding; past {@link Episode#MAX_FINDINGS} the episode takes no more. */
    Recorded finding(String episodeId, FindingRequest request, String idempotencyKey) {
        String requestHash = fingerprintIfKeyed(request, idempotencyKey);
        return ConcurrentWrites.retry(() -> {
            Episode episode = find(episodeId);
            Optional<Recorded> earlier = earlier(episode, idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            if (episode.findings().size() >= Episode.MAX_FINDINGS) {
                throw new ConflictException(
                        "The episode has its limit of " + Episode.MAX_FINDINGS + " findings; report a new episode");
            }
            var finding = ReportMapper.toEvent(episodeId, UUID.randomUUID().toString(), clock.instant(), request);
            var event = outboxMessages.create(Topics.FINDING_RECORDED, episodeId, finding);
            store.save(episode.withFinding(finding, event, keyed(idempotencyKey, requestHash, finding.findingId())));
            log.info("Finding {} recorded for episode {}", finding.findingId(), episodeId);
            return new Recorded(finding.findingId(), episode.closed());
        });
    }

    private static Optional<Recorded> earlier(Episode episode, String idempotencyKey, String requestHash) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return episode.keyed(idempotencyKey).map(keyed -> {
            if (!keyed.requestHash().equals(requestHash)) {
                throw new ConflictException("Idempotency-Key was already used with a different request");
            }
            return new Recorded(keyed.recordedId(), episode.closed());
        });
    }

    private static Episode.KeyedRequest keyed(String idempotencyKey, String requestHash, String recordedId) {
        return idempotencyKey == null ? null : new Episode.KeyedRequest(idempotencyKey, requestHash, recordedId);
    }

    /** Follows triage's decisions, so that intake can tell a client when an episode is closed. */
    void triaged(List<InboundEvent<TriageDecided>> events) {
        decisions.apply(events);
    }

    Episode find(String episodeId) {
        return episodes.findById(episodeId).orElseThrow(() -> new NotFoundException("No episode " + episodeId));
    }

    private static Episode sameRequestOrConflict(Episode earlier, String requestHash) {
        if (!earlier.requestHash().equals(requestHash)) {
            throw new ConflictException("Idempotency-Key was already used with a different request");
        }
        return earlier;
    }

    /** Only a keyed request is compared with a retry; hashing every request cost 5 % of intake's CPU. */
    private String fingerprintIfKeyed(Object request, String idempotencyKey) {
        return idempotencyKey == null ? null : fingerprint(request);
    }

    private String fingerprint(Object request) {
        try {
            byte[] canonical = jsonMapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
