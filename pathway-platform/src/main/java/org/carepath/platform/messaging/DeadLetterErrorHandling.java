package org.carepath.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What every consumer does with a failure, in the listener container rather than the binder:
 * <ul>
 *   <li>MongoDB or the broker away ({@link Failures#isTransient}): the batch is retried with back-off (up to
 *       {@value #LONGEST_PAUSE_MS} ms apart) for as long as it takes; an outage never sends a record to the DLQ;
 *   <li>a record that can never be processed ({@link EventRejectedException}): to {@code <topic>.dlq} at once;
 *   <li>one that may be processable soon ({@link RetryLaterException}): retried for about half a minute first;
 *   <li>anything else about one record: retried twice, then dead-lettered.
 * </ul>
 * A dead letter keeps the record's key, value and headers and adds {@code x-exception-message} (the reason),
 * {@code x-exception-fqcn}, {@code x-original-topic}, {@code x-original-partition}, {@code x-original-offset} and
 * {@code x-consumer-group}. A dead letter that cannot be sent is not committed: the record is tried again.
 */
public class DeadLetterErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    public static final String REASON = "x-exception-message";
    public static final String REASON_TYPE = "x-exception-fqcn";
    public static final String ORIGINAL_TOPIC = "x-original-topic";
    public static final String ORIGINAL_PARTITION = "x-original-partition";
    public static final String ORIGINAL_OFFSET = "x-original-offset";
    public static final String CONSUMER_GROUP = "x-consumer-group";
    static final long LONGEST_PAUSE_MS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(DeadLetterErrorHandling.class);

    private final KafkaOperations<byte[], byte[]> deadLetters;
    private final MeterRegistry meters;

    public DeadLetterErrorHandling(KafkaOperations<byte[], byte[]> deadLetters, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    @Override
    public void configure(
            AbstractMessageListenerContainer<?, ?> container,
            String destinationName,
            String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            BackOff backOff) {
        // <topic>.dlq unless the binding names its own (a resolver that names no topic names none).
        BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination = (record, failure) -> {
            TopicPartition named =
                    dlqDestinationResolver == null ? null : dlqDestinationResolver.apply(record, failure);
            return named != null && named.topic() != null ? named : new TopicPartition(record.topic() + ".dlq", -1);
        };
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(deadLetters, destination);
        publisher.setHeadersFunction((record, failure) -> headers(record, failure, group));
        publisher.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
        publisher.setFailIfSendResultIsError(true);
        publisher.setWaitForSendResultTimeout(Duration.ofSeconds(30));
        Counter.Builder deadLettered =
                Counter.builder("carepath.dead.letters").description("Records sent to a dead-letter topic");
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, failure) -> {
                    publisher.accept(record, failure);
                    deadLettered.tag("topic", record.topic()).register(meters).increment();
                    log.warn(
                            "Record {}-{}@{} of {} dead-lettered by {}: {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            destinationName,
                            group,
                            Failures.reason(failure).getClass().getSimpleName());
                },
                waitOut());
        handler.addNotRetryableExceptions(EventRejectedException.class);
        handler.setBackOffFunction((record, failure) -> backOffFor(failure));
        handler.setLogLevel(org.springframework.kafka.KafkaException.Level.WARN);
        container.setCommonErrorHandler(handler);
    }

    /** The producer that writes dead letters, for sending them back too. */
    public KafkaOperations<byte[], byte[]> deadLetterProducer() {
        return deadLetters;
    }

    @Override
    public void destroy() throws Exception {
        if (deadLetters instanceof KafkaTemplate<byte[], byte[]> template
                && template.getProducerFactory() instanceof DisposableBean producers) {
            producers.destroy();
        }
    }

    /** The container, not the binder, retries and dead-letters. */
    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    static BackOff backOffFor(Exception failure) {
        Throwable reason = Failures.reason(failure);
        if (reason instanceof RetryLaterException) {
            return new FixedBackOff(2_000, 15);
        }
        if (Failures.isTransient(reason)) {
            return waitOut();
        }
        return new FixedBackOff(1_000, 2);
    }

    /** Until the store or broker is back, however long that takes. */
    static BackOff waitOut() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(LONGEST_PAUSE_MS);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }

    private static Headers headers(ConsumerRecord<?, ?> record, Exception failure, String group) {
        Throwable reason = Failures.reason(failure);
        RecordHeaders headers = new RecordHeaders();
        add(headers, REASON, String.valueOf(reason.getMessage()));
        add(headers, REASON_TYPE, reason.getClass().getName());
        add(headers, ORIGINAL_TOPIC, record.topic());
        add(headers, ORIGINAL_PARTITION, String.valueOf(record.partition()));
        add(headers, ORIGINAL_OFFSET, String.valueOf(record.offset()));
        add(headers, CONSUMER_GROUP, group);
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
