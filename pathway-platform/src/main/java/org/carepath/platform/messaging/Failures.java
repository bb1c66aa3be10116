package org.carepath.platform.messaging;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;

/** Tells a failure of the infrastructure, to be waited out, from a failure of the record, to be dead-lettered. */
public final class Failures {

    private Failures() {}

    /**
     * True when retrying the same record later can succeed without anyone changing it: MongoDB or the broker away
     * or timing out, or writers that kept racing for the same document.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof OptimisticLockingFailureException
                    || t instanceof MongoSocketException
                    || t instanceof MongoTimeoutException
                    || t instanceof RetriableException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The failure a dead letter should name: the first cause that is not a wrapper of the listener container. */
    public static Throwable reason(Throwable failure) {
        Throwable reason = failure;
        while (reason.getCause() != null
                && reason.getCause() != reason
                && (reason instanceof FailedEventException
                        || reason.getClass().getName().startsWith("org.springframework.kafka.")
                        || reason.getClass().getName().startsWith("org.springframework.messaging."))) {
            reason = reason.getCause();
        }
        return reason;
    }
}
