package io.settlehub.core.settlement.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.EventType;
import io.settlehub.contract.MessageSignatures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SenderAuthorityTest {

    static final String[] BANK_KEYS = MessageSignatures.newKeyPair();
    static final String[] OTHER_KEYS = MessageSignatures.newKeyPair();
    static final String BODY = "{\"eventId\": \"bank:SH01:BOOKED\"}";

    final SenderAuthority authority = new SenderAuthority(Map.of(EventType.PAYMENT_STATUS, List.of("connector-bank"),
            EventType.FX_RATE, List.of("connector-bank", "connector-rates")),
            Map.of("connector-bank", MessageSignatures.verifier(BANK_KEYS[1], "hub.events.sender-keys.connector-bank")));

    @Test
    void a_restricted_type_is_taken_only_from_the_users_named_for_it() {
        assertThat(authority.refusal(EventType.PAYMENT_STATUS, "connector-bank", BODY, null)).isEmpty();
        assertThat(authority.refusal(EventType.FX_RATE, "connector-rates", BODY, null)).isEmpty();
        assertThat(authority.refusal(EventType.PAYMENT_STATUS, "connector-marketplace", BODY, null))
                .contains("PAYMENT_STATUS may only come from connector-bank; this one came from connector-marketplace");
        assertThat(authority.refusal(EventType.FX_RATE, "settlement-core", BODY, null))
                .contains("FX_RATE may only come from connector-bank, connector-rates; this one came from settlement-core");
    }

    @Test
    void a_message_without_a_sender_the_broker_vouches_for_is_refused_for_restricted_types_only() {
        assertThat(authority.refusal(EventType.PAYMENT_STATUS, null, BODY, null)).hasValueSatisfying(reason ->
                assertThat(reason).contains("a sender the broker did not name"));
        assertThat(authority.refusal(EventType.SALE, null, BODY, null)).isEmpty();
        assertThat(authority.refusal(EventType.SALE, "connector-example", BODY, null)).isEmpty();
    }

    @Test
    void a_restricted_type_a_peer_broker_forwarded_is_taken_on_the_signature_of_a_sender_named_for_it() {
        String bankSigned = MessageSignatures.signer(BANK_KEYS[0], "test").sign(BODY);
        String otherSigned = MessageSignatures.signer(OTHER_KEYS[0], "test").sign(BODY);

        assertThat(authority.refusal(EventType.PAYMENT_STATUS, "hub-cluster", BODY, bankSigned)).isEmpty();
        assertThat(authority.refusal(EventType.PAYMENT_STATUS, "hub-cluster", BODY, null))
                .contains("PAYMENT_STATUS may only come from connector-bank; this one came from hub-cluster");
        assertThat(authority.refusal(EventType.PAYMENT_STATUS, "hub-cluster", BODY, otherSigned))
                .contains("PAYMENT_STATUS may only come from connector-bank; this one came from hub-cluster, with a signature of none of them");
        assertThat(authority.refusal(EventType.PAYMENT_STATUS, "hub-cluster", BODY.replace("SH01", "SH02"), bankSigned))
                .as("a signature covers the exact body").isPresent();
        assertThat(authority.refusal(EventType.FX_RATE, "connector-marketplace", BODY, "not base64 at all!"))
                .contains("FX_RATE may only come from connector-bank, connector-rates; this one came from connector-marketplace, with a signature of none of them");
    }
}
