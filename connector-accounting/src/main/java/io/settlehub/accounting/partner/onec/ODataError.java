package io.settlehub.accounting.partner.onec;

import com.fasterxml.jackson.databind.JsonNode;
import io.settlehub.connector.support.PartnerHttp;

/**
 * 1C's OData error body: {@code {"odata.error": {"code": "…", "message": {"lang": "ru", "value": "…"}}}}. The text is
 * what an accountant or operator needs to see; anything else is shown as it came.
 */
final class ODataError {

    private ODataError() {
    }

    static String text(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        try {
            JsonNode error = OneCJson.MAPPER.readTree(body).path("odata.error");
            String message = error.path("message").path("value").asText("");
            if (!message.isEmpty()) {
                String code = error.path("code").asText("");
                return code.isEmpty() ? message : message + " [code " + code + "]";
            }
        } catch (java.io.IOException notJson) {
            // shown as it came
        }
        return PartnerHttp.abbreviate(body);
    }
}
