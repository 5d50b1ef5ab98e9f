package io.newsflow.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import io.newsflow.contract.config.KafkaSettings;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde for a record type, on the shared {@link Json#mapper()}. {@code null} maps to {@code null} both ways (a
 * tombstone stays a tombstone); anything unreadable becomes a {@link SerializationException} naming the type, so
 * Kafka's exception handlers can route it to the dead-letter topic. That includes a value over
 * {@link KafkaSettings#MAX_RECORD_BYTES}: no newsflow service writes one, topics accept them only so that they can be
 * dead-lettered whole, and parsing one would cost a service memory and time for a record it could not pass on.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final JavaType type;

    private JsonSerde(JavaType type) {
        this.type = type;
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(Json.mapper().constructType(type));
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return Json.mapper().writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write " + type.getRawClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > KafkaSettings.MAX_RECORD_BYTES) {
            throw new SerializationException("value on topic " + topic + " is " + data.length + " bytes, over the "
                    + KafkaSettings.MAX_RECORD_BYTES + "-byte limit of newsflow records; not read as "
                    + type.getRawClass().getSimpleName());
        }
        try {
            return Json.mapper().readValue(data, type);
        } catch (IOException | RuntimeException e) {
            String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new SerializationException("value on topic " + topic + " is not a valid "
                    + type.getRawClass().getSimpleName() + ": " + detail, e);
        }
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // Configured once, in Json: nothing per client.
    }

    @Override
    public void close() {
        // Nothing to release: the mapper is shared.
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
