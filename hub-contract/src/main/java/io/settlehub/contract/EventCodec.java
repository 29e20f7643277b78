package io.settlehub.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/** JSON encoding and validating decoding of canonical messages. Thread-safe. */
public final class EventCodec {

    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = newMapper();

    private EventCodec() {
    }

    /** The mapper used for every contract message: money as decimal strings, times as ISO-8601 text. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper newMapper() {
        SimpleModule contract = new SimpleModule("settlehub-contract");
        contract.addSerializer(Money.class, new JsonSerializer<>() {
            @Override
            public void serialize(Money value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeStartObject();
                gen.writeStringField("amount", value.plain());
                gen.writeStringField("currency", value.currency());
                gen.writeEndObject();
            }
        });
        contract.addSerializer(java.math.BigDecimal.class, new JsonSerializer<>() {
            @Override
            public void serialize(java.math.BigDecimal value, JsonGenerator gen, SerializerProvider s) throws IOException {
                gen.writeString(value.toPlainString());
            }
        });
        contract.addSerializer(Instant.class, new ToStringSerializer<>());
        contract.addSerializer(LocalDate.class, new ToStringSerializer<>());
        return new ObjectMapper()
                .registerModule(contract)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static final class ToStringSerializer<T> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    /** The longest eventId: what the ledger stores of it. */
    public static final int MAX_EVENT_ID = 200;

    /** The largest canonical event (characters of its JSON) a service reads; larger ones are dead-lettered without being parsed. */
    public static final int MAX_EVENT_CHARS = 1024 * 1024;

    /** Parses and validates a canonical event; throws {@link InvalidMessageException} naming the field. */
    public static CanonicalEvent decode(String json) {
        if (json != null && json.length() > MAX_EVENT_CHARS) {
            throw new InvalidMessageException("body", "an event of " + json.length() + " characters is larger than the "
                    + MAX_EVENT_CHARS + " allowed");
        }
        JsonFields envelope = JsonFields.parse(json);
        String eventId = envelope.text("eventId", MAX_EVENT_ID);
        String typeName = envelope.text("type");
        EventType type;
        try {
            type = EventType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("type", "unknown event type '" + typeName + "'");
        }
        int schemaVersion = envelope.positiveInt("schemaVersion");
        if (schemaVersion > SCHEMA_VERSION) {
            throw new InvalidMessageException("schemaVersion", "version " + schemaVersion + " is newer than supported " + SCHEMA_VERSION);
        }
        String source = envelope.id("source");
        String clientId = type == EventType.FX_RATE ? envelope.optionalId("clientId") : envelope.id("clientId");
        return new CanonicalEvent(eventId, type, schemaVersion, source, clientId, envelope.instant("occurredAt"),
                PayloadReader.read(type, envelope.object("payload")));
    }

    /**
     * The event's JSON, written in one pass (no intermediate tree). Its exact characters matter beyond the contract: the
     * ledger keeps a hash of them to tell a redelivery from a conflicting body, so they must not change between versions
     * (EventCodecTest pins them).
     */
    public static String encode(CanonicalEvent event) {
        java.io.StringWriter out = new java.io.StringWriter(512);
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("eventId", event.eventId());
            json.writeStringField("type", event.type().name());
            json.writeNumberField("schemaVersion", event.schemaVersion());
            json.writeStringField("source", event.source());
            if (event.clientId() != null) {
                json.writeStringField("clientId", event.clientId());
            }
            json.writeStringField("occurredAt", event.occurredAt().toString());
            json.writeFieldName("payload");
            MAPPER.writeValue(json, event.payload());
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode event " + event.eventId(), e);
        }
        return out.toString();
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }
}
