package io.newsflow.contract.streams;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;

/** What Kafka Streams tells an exception handler about the failed record, as a test sets it. */
record TestErrorContext(String topic, int partition, long offset, Headers headers, String processorNodeId,
                        TaskId taskId, long timestamp, byte[] sourceRawKey, byte[] sourceRawValue)
        implements ErrorHandlerContext {

    /** A record of {@code topic} read by a stream task. */
    static TestErrorContext of(String topic) {
        return new TestErrorContext(topic, 0, 0L, new RecordHeaders(), "node", new TaskId(0, 0), 0L, null, null);
    }
}
