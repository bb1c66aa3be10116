package org.carepath.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;

/** Which failures are waited out and which dead-letter a record, and how long each is retried first. */
class FailuresTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("MongoDB unreachable", new DataAccessResourceFailureException("away"), true),
                Arguments.of("MongoDB timing out", new MongoTimeoutException("no server"), true),
                Arguments.of(
                        "MongoDB connection dropped, wrapped by the container",
                        new ListenerExecutionFailedException(
                                "listener failed",
                                new MongoSocketReadException("reset", new ServerAddress("127.0.0.1"))),
                        true),
                Arguments.of("writers racing past every retry", new OptimisticLockingFailureException("stale"), true),
                Arguments.of("the broker short of replicas", new NotEnoughReplicasException("acks"), true),
                Arguments.of("a record that can never be processed", new EventRejectedException("no episodeId"), false),
                Arguments.of("a record not processable yet", new RetryLaterException("no report yet"), false),
                Arguments.of("a bug about one record", new IllegalArgumentException("bad"), false),
                Arguments.of("a unique key taken for good", new DuplicateKeyException("taken"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void tellsTheInfrastructureAwayFromABadRecord(String what, Exception failure, boolean transientFailure) {
        assertThat(Failures.isTransient(failure)).isEqualTo(transientFailure);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void waitsOutTheInfrastructureForAsLongAsItTakesButGivesUpOnARecord(
            String what, Exception failure, boolean transientFailure) {
        BackOffExecution retries = DeadLetterErrorHandling.backOffFor(failure).start();
        int attempts = 0;
        while (retries.nextBackOff() != BackOffExecution.STOP && attempts < 1_000) {
            attempts++;
        }
        if (transientFailure) {
            assertThat(attempts).isEqualTo(1_000);
        } else if (failure instanceof RetryLaterException) {
            assertThat(attempts).isEqualTo(15);
        } else {
            assertThat(attempts).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aDeadLetterNamesTheRecordsOwnFailureNotTheContainersWrapper(
            String what, Exception failure, boolean transientFailure) {
        Exception wrapped = new BatchListenerFailedException("batch failed", failure, 3);

        assertThat(Failures.reason(new ListenerExecutionFailedException("listener failed", wrapped)))
                .isSameAs(failure instanceof ListenerExecutionFailedException ? failure.getCause() : failure);
    }
}
