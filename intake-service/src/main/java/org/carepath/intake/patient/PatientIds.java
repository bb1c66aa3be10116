package org.carepath.intake.patient;

import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

/**
 * Gives each MRN a stable opaque {@code patientId}: the same MRN always gets the same id, two MRNs never share one,
 * and the MRN never leaves intake. Ids are random UUIDs kept in intake's own {@code patients} collection, keyed by
 * MRN. Unlike a keyed hash of the MRN, a random id cannot be reversed by hashing every plausible MRN should a key
 * leak, and it needs no secret to rotate; the unique {@code _id} settles two instances racing on a new MRN (one
 * insert wins, the other reads the winner's id).
 */
@Service
public class PatientIds {

    private final PatientIdentityRepository identities;
    private final MongoOperations mongo;

    PatientIds(PatientIdentityRepository identities, MongoOperations mongo) {
        this.identities = identities;
        this.mongo = mongo;
    }

    /** The patient id of {@code mrn}, assigned on first sight. */
    public String of(String mrn) {
        String key = mrn.strip();
        return identities.findById(key).map(PatientIdentity::patientId).orElseGet(() -> assign(key));
    }

    private String assign(String mrn) {
        try {
            return mongo.insert(new PatientIdentity(mrn, UUID.randomUUID().toString()))
                    .patientId();
        } catch (DuplicateKeyException raced) {
            // Another request for the same MRN inserted first (a repeat of a random UUID is not a real risk, but
            // the unique index on patientId would refuse it too and this read would then fail loudly).
            return identities.findById(mrn).orElseThrow(() -> raced).patientId();
        }
    }
}
