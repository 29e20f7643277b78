package io.settlehub.connector.support.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

/**
 * The JSON of partners' APIs and of a connector's own files: decimals read exactly ({@code BigDecimal}, never a binary
 * double) and written as plain numbers, unknown fields ignored, dates and times as ISO-8601 text. Canonical messages
 * have their own codec ({@code EventCodec}); this one never writes them.
 */
public final class PartnerJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("partner-json")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addSerializer(LocalDate.class, ToStringSerializer.instance)
                    .addSerializer(LocalDateTime.class, ToStringSerializer.instance)
                    .addSerializer(YearMonth.class, ToStringSerializer.instance))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PartnerJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} as JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
