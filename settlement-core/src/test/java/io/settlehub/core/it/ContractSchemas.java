package io.settlehub.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.settlehub.contract.AccountingDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The JSON Schemas of hub-contract's outbound messages, checked against what settlement-core really publishes. */
final class ContractSchemas {

    private ContractSchemas() {
    }

    static void assertValid(String schemaName, JsonNode message) {
        try (InputStream in = AccountingDocument.class.getResourceAsStream("/schemas/" + schemaName + ".json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            assertThat(schema.validate(message)).as("%s against schemas/%s.json", message, schemaName).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
