package io.settlehub.core.settlement.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.EventType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SenderAuthorityTest {

    final SenderAuthority authority = new SenderAuthority(Map.of(EventType.PAYMENT_STATUS, List.of("connector-bank"),
            EventType.FX_RATE, List.of("connector-bank", "connector-rates")));

    @Test
    void a_restricted_type_is_taken_only_from_the_users_named_for_it() {
        assertThat(authority.refusal(EventType.PAYMENT_STATUS, "connector-bank")).isEmpty();
        assertThat(authority.refusal(EventType.FX_RATE, "connector-rates")).isEmpty();
        assertThat(authority.refusal(EventType.PAYMENT_STATUS, "connector-marketplace"))
                .contains("PAYMENT_STATUS may only come from connector-bank; this one came from connector-marketplace");
        assertThat(authority.refusal(EventType.FX_RATE, "settlement-core"))
                .contains("FX_RATE may only come from connector-bank, connector-rates; this one came from settlement-core");
    }

    @Test
    void a_message_without_a_sender_the_broker_vouches_for_is_refused_for_restricted_types_only() {
        assertThat(authority.refusal(EventType.PAYMENT_STATUS, null)).hasValueSatisfying(reason ->
                assertThat(reason).contains("a sender the broker did not name"));
        assertThat(authority.refusal(EventType.SALE, null)).isEmpty();
        assertThat(authority.refusal(EventType.SALE, "connector-example")).isEmpty();
    }
}
