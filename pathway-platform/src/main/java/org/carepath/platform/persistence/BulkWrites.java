package org.carepath.platform.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import java.util.HashSet;
import java.util.Set;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;

/** Unordered bulk writes in which a duplicate key is an answer (a race lost, a version moved on), not a failure. */
public final class BulkWrites {

    private BulkWrites() {}

    /**
     * Executes {@code bulk} (unordered: every write is tried) and returns the positions of the writes a unique index
     * refused. Any other error is thrown.
     */
    public static Set<Integer> refusedAsDuplicates(BulkOperations bulk) {
        Set<Integer> refused = new HashSet<>();
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(error.getIndex());
            }
        }
        return refused;
    }
}
