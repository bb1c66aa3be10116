package org.carepath.scheduling.appointments;

import org.springframework.data.mongodb.repository.MongoRepository;

interface EpisodeScheduleRepository extends MongoRepository<EpisodeScheduleDocument, String> {}
