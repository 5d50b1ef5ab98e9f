package io.newsflow.contract;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one configured {@link ObjectMapper} of newsflow. Every serde, HTTP handler and CLI printer uses it, so the
 * wire format of a record is the same wherever it is written.
 */
public final class Json {

    /** Largest JSON document any service reads: the ingest size limit's ceiling (25 MiB). */
    public static final int MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;
    /** Deeper nesting than this is an attack or a bug, never an article. */
    public static final int MAX_NESTING_DEPTH = 32;

    private static final ObjectMapper MAPPER = JsonMapper.builder(
                    JsonFactory.builder()
                            .streamReadConstraints(StreamReadConstraints.builder()
                                    .maxDocumentLength(MAX_DOCUMENT_BYTES)
                                    .maxStringLength(MAX_DOCUMENT_BYTES)
                                    .maxNestingDepth(MAX_NESTING_DEPTH)
                                    .build())
                            .build())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Readers tolerate fields added by newer writers: topics outlive any one version of a service.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** The shared mapper; configured once, thread-safe, never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
