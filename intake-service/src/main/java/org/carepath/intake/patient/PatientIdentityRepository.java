package org.carepath.intake.patient;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PatientIdentityRepository extends MongoRepository<PatientIdentity, String> {}
