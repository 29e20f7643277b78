package io.settlehub.accounting.mapping;

import static io.settlehub.accounting.OneCStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.settlehub.contract.AccountingDocument;
import io.settlehub.contract.EventCodec;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The documents the tests push are documents as settlement-core issues them: valid against the contract's schema. */
class HubDocumentTest {

    @ParameterizedTest
    @ValueSource(strings = {"hub/agent-report-v1.json", "hub/payout-v1.json"})
    void the_fixtures_follow_the_accounting_document_schema_and_parse(String name) throws Exception {
        String json = fixture(name);
        try (InputStream in = AccountingDocument.class.getResourceAsStream("/schemas/accounting-document.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            assertThat(schema.validate(EventCodec.mapper().readTree(json))).isEmpty();
            assertThat(schema.validate(EventCodec.mapper().readTree(json.replace("\"version\": 1", "\"version\": 0"))))
                    .as("version starts at 1").isNotEmpty();
        }
        HubDocument document = HubDocument.parse(json);
        assertThat(document.version()).isEqualTo(1);
        assertThat(document.clientId()).isEqualTo("acme");
    }
}
