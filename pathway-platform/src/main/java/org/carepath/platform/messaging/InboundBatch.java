package org.carepath.platform.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** Splits a batch as the binder delivers it (payloads in a list, each record's headers in another) into records. */
public final class InboundBatch {

    /** Where each record of the batch came from: the batch carries these as one list each. */
    private static final List<String> PER_RECORD = List.of(
            KafkaHeaders.RECEIVED_TOPIC,
            KafkaHeaders.RECEIVED_PARTITION,
            KafkaHeaders.OFFSET,
            KafkaHeaders.RECEIVED_TIMESTAMP);

    private InboundBatch() {}

    @SuppressWarnings("unchecked")
    public static List<Message<byte[]>> records(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        Object converted = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<Map<String, Object>> headers = converted instanceof List<?> list ? (List<Map<String, Object>>) list : null;
        List<Message<byte[]>> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            MessageBuilder<byte[]> record = MessageBuilder.withPayload(payloads.get(i));
            if (headers != null && i < headers.size() && headers.get(i) != null) {
                record.copyHeaders(headers.get(i));
            }
            for (String perRecord : PER_RECORD) {
                if (batch.getHeaders().get(perRecord) instanceof List<?> values && i < values.size()) {
                    record.setHeader(perRecord, values.get(i));
                }
            }
            records.add(record.build());
        }
        return records;
    }
}
