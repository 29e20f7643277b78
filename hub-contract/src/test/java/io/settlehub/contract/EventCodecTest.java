package io.settlehub.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    static String fixture(String name) throws IOException {
        try (InputStream in = EventCodecTest.class.getResourceAsStream("/events/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** How events were encoded before 2026-12-02 (through a tree): the facts recorded since hold hashes of exactly this. */
    private static String encodedAsByTree(CanonicalEvent event) throws IOException {
        ObjectNode root = EventCodec.mapper().createObjectNode();
        root.put("eventId", event.eventId());
        root.put("type", event.type().name());
        root.put("schemaVersion", event.schemaVersion());
        root.put("source", event.source());
        if (event.clientId() != null) {
            root.put("clientId", event.clientId());
        }
        root.put("occurredAt", event.occurredAt().toString());
        root.set("payload", EventCodec.mapper().valueToTree(event.payload()));
        return EventCodec.mapper().writeValueAsString(root);
    }

    static String fileName(EventType type) {
        return type.name().toLowerCase().replace('_', '-');
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_event_type_round_trips_and_matches_its_json_schema(EventType type) throws IOException {
        String json = fixture(fileName(type));
        CanonicalEvent event = EventCodec.decode(json);
        assertThat(event.type()).isEqualTo(type);

        String encoded = EventCodec.encode(event);
        assertThat(encoded).as("the characters the ledger's hashes were taken of").isEqualTo(encodedAsByTree(event));
        assertThat(EventCodec.decode(encoded)).isEqualTo(event);
        assertThat(EventCodec.mapper().readTree(encoded)).isEqualTo(EventCodec.mapper().readTree(json));

        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + fileName(type) + ".json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        assertThat(schema.validate(EventCodec.mapper().readTree(encoded))).isEmpty();
    }

    @Test
    void money_keeps_the_currency_scale_and_never_rounds_silently() {
        assertThat(Money.of("4790", "RUB").plain()).isEqualTo("4790.00");
        assertThat(Money.of("5", "JPY").plain()).isEqualTo("5");
        assertThatThrownBy(() -> Money.of("1.005", "RUB")).hasMessageContaining("more decimals than RUB");
        assertThat(Money.rounded(new java.math.BigDecimal("259.438"), "RUB").plain()).isEqualTo("259.44");
        assertThat(Money.rounded(new java.math.BigDecimal("0.005"), "RUB").plain()).isEqualTo("0.01");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/payload/lines/0/quantity | -2       | payload.lines[0].quantity: must be a positive integer",
            "/payload/lines/0/unitPrice/amount | \"abc\" | payload.lines[0].unitPrice.amount: is not a decimal number: 'abc'",
            "/payload/lines/0/unitPrice/amount | 2490.0 | payload.lines[0].unitPrice.amount: must be a decimal string",
            "/payload/lines/0/unitPrice/amount | \"1e3\" | payload.lines[0].unitPrice.amount: is not a decimal number: '1e3'",
            "/payload/lines/0/unitPrice/amount | \"+5.00\" | payload.lines[0].unitPrice.amount: is not a decimal number: '+5.00'",
            "/payload/lines/0/discount/amount | \"0.1E+1\" | payload.lines[0].discount.amount: is not a decimal number",
            "/payload/lines/0/sku | \"LAMP\\u0000\" | payload.lines[0].sku: must not contain control characters",
            "/payload/lines/0/unitPrice/currency | \"XXQ\" | payload.lines[0].unitPrice: unknown currency 'XXQ'",
            "/payload/orderId | null | payload.orderId: is required",
            "/type | \"REFUND\" | type: unknown event type 'REFUND'",
            "/occurredAt | \"yesterday\" | occurredAt: is not an ISO-8601 instant"
    })
    void invalid_events_are_rejected_with_the_field_named(String pointer, String value, String expected) throws IOException {
        ObjectNode root = (ObjectNode) EventCodec.mapper().readTree(fixture("sale"));
        JsonNode replacement = EventCodec.mapper().readTree(value);
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), replacement);
        } else {
            ((ObjectNode) parent).set(last, replacement);
        }
        assertThatThrownBy(() -> EventCodec.decode(root.toString()))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageStartingWith(expected);
    }

    @Test
    void over_long_ids_are_refused_by_name_before_they_reach_a_database() throws IOException {
        ObjectNode root = (ObjectNode) EventCodec.mapper().readTree(fixture("sale"));
        ((ObjectNode) root.get("payload")).put("orderId", "x".repeat(JsonFields.MAX_ID + 1));
        assertThatThrownBy(() -> EventCodec.decode(root.toString()))
                .hasMessage("payload.orderId: must be at most 100 characters, was 101");
        ((ObjectNode) root.get("payload")).put("orderId", "x".repeat(JsonFields.MAX_ID));
        assertThat(EventCodec.decode(root.toString()).type()).isEqualTo(EventType.SALE);
        root.put("eventId", "e".repeat(EventCodec.MAX_EVENT_ID + 1));
        assertThatThrownBy(() -> EventCodec.decode(root.toString())).hasMessage("eventId: must be at most 200 characters, was 201");
        root.put("eventId", "ok").put("clientId", "c".repeat(101));
        assertThatThrownBy(() -> EventCodec.decode(root.toString())).hasMessageStartingWith("clientId: must be at most 100 characters");
        ((ObjectNode) root.at("/payload/lines/0/unitPrice")).put("amount", "9".repeat(41));
        root.put("clientId", "acme");
        assertThatThrownBy(() -> EventCodec.decode(root.toString()))
                .hasMessage("payload.lines[0].unitPrice.amount: must be at most 40 characters, was 41");
    }

    @Test
    void a_status_for_an_over_long_instruction_id_is_refused_by_name() throws IOException {
        ObjectNode root = (ObjectNode) EventCodec.mapper().readTree(fixture("payment-status"));
        ((ObjectNode) root.get("payload")).put("instructionId", "P".repeat(36));
        assertThatThrownBy(() -> EventCodec.decode(root.toString()))
                .hasMessage("payload.instructionId: must be at most 35 characters, was 36");
    }

    @Test
    void malformed_json_is_named_as_such() {
        assertThatThrownBy(() -> EventCodec.decode("{\"eventId\": ")).hasMessageStartingWith("malformed JSON");
    }

    @Test
    void an_event_larger_than_the_contract_allows_is_refused_unread() throws IOException {
        ObjectNode root = (ObjectNode) EventCodec.mapper().readTree(fixture("sale"));
        root.put("padding", "x".repeat(EventCodec.MAX_EVENT_CHARS));
        assertThatThrownBy(() -> EventCodec.decode(root.toString()))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("body: an event of " + root.toString().length() + " characters is larger than the 1048576 allowed");
        ((ObjectNode) root).remove("padding");
        assertThat(EventCodec.decode(root.toString()).type()).isEqualTo(EventType.SALE);
    }

    @Test
    void a_line_in_another_currency_than_the_order_is_rejected() throws IOException {
        ObjectNode root = (ObjectNode) EventCodec.mapper().readTree(fixture("sale"));
        ((ObjectNode) root.at("/payload/lines/0/discount")).put("currency", "USD");
        assertThatThrownBy(() -> EventCodec.decode(root.toString()))
                .hasMessage("payload.lines[0].discount: currency USD differs from the order's RUB");
    }

    @Test
    void payment_instruction_round_trips() {
        PaymentInstruction instruction = new PaymentInstruction("PI-acme-1", "acme",
                new PaymentInstruction.Payee("Acme Import LLC", "40702810900000000001", "044525225", "7701234567"),
                Money.of("1297.19", "RUB"), "Payout for sales", java.time.LocalDate.of(2026, 3, 21));
        assertThat(PaymentInstruction.fromJson(instruction.toJson())).isEqualTo(instruction);
        assertThat(instruction.toJson()).contains("\"amount\":{\"amount\":\"1297.19\",\"currency\":\"RUB\"}");

        PaymentInstruction abroad = new PaymentInstruction("PI-acme-2", "acme",
                new PaymentInstruction.Payee("Shenzhen Bright Lights", "44332211009988776655", "BKCHCNBJ45A", null),
                Money.of("100.00", "CNY"), "Payment for goods", java.time.LocalDate.of(2026, 3, 21),
                new PaymentInstruction.ForeignTrade("SZ-2026/17", java.time.LocalDate.of(2026, 1, 15), "26010001/1481/0000/2/1", "11200", "CN",
                        "104584000003"));
        assertThat(PaymentInstruction.fromJson(abroad.toJson())).isEqualTo(abroad);
        assertThatThrownBy(() -> PaymentInstruction.fromJson(abroad.toJson().replace("11200", "112")))
                .hasMessage("foreignTrade.currencyOperationCode: must be 5 digits, was '112'");
    }
}
