package org.carepath.billing.episode;

import org.springframework.data.mongodb.repository.MongoRepository;

interface EpisodeRepository extends MongoRepository<EpisodeDocument, String> {}
