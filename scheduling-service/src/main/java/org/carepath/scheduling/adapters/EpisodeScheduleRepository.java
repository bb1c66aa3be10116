package org.carepath.scheduling.adapters;

import org.springframework.data.mongodb.repository.MongoRepository;

interface EpisodeScheduleRepository extends MongoRepository<EpisodeScheduleDocument, String> {}
