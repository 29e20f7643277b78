package io.settlehub.accounting.partner.onec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON as 1C's OData speaks it: numbers as JSON numbers (exact decimals, never binary floating point). */
public final class OneCJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private OneCJson() {
    }
}
