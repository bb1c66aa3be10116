package org.carepath.triage.decision;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PathwayRepository extends MongoRepository<PathwayDocument, String> {}
