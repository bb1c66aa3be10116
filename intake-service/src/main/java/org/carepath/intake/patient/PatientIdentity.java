package org.carepath.intake.patient;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One MRN and the opaque patient id intake gave it. The MRN is the {@code _id}, so two instances assigning an id to
 * the same new MRN cannot both succeed; the id is unique too, so two MRNs can never share one.
 */
@Document("patients")
record PatientIdentity(@Id String mrn, @Indexed(unique = true) String patientId) {}
