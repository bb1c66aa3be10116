package org.carepath.intake.episode;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface EpisodeRepository extends MongoRepository<Episode, String> {

    Optional<Episode> findByIdempotencyKey(String idempotencyKey);
}
