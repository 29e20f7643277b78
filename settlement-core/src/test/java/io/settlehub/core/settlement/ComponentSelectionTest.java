package io.settlehub.core.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import net.jqwik.api.*;
import org.junit.jupiter.api.Test;

class ComponentSelectionTest {

    private final ComponentSelection selection = new ComponentSelection(Set.of("order/ozon/O-1/"), Set.of("payout/ozon/P-9"));

    @Test
    void covers_every_part_of_a_selected_order_and_the_keys_named_whole() {
        assertThat(selection.covers("order/ozon/O-1/gross")).isTrue();
        assertThat(selection.covers("order/ozon/O-1/goods/supplier-7")).isTrue();
        assertThat(selection.covers("payout/ozon/P-9")).isTrue();

        assertThat(selection.covers("order/ozon/O-10/gross")).isFalse();
        assertThat(selection.covers("order/ozon/O-1")).isFalse();
        assertThat(selection.covers("payout/ozon/P-90")).isFalse();
        assertThat(selection.covers("charge/e-1")).isFalse();
    }

    @Test
    void an_order_scope_ends_with_a_slash() {
        assertThatThrownBy(() -> new ComponentSelection(Set.of("order/ozon/O-1"), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order/ozon/O-1");
    }

    /**
     * The journal is read by the range [scope, upperBound(scope)]: it holds a key exactly when the key is under the scope,
     * or is the bound itself (no component's key: an order's components all have a part after its scope).
     */
    @Property(seed = "20261201")
    void the_range_of_a_scope_holds_exactly_the_keys_under_it(@ForAll("scopes") String scope, @ForAll("keys") String tail,
                                                             @ForAll("keys") String other) {
        String upper = ComponentSelection.upperBound(scope);
        for (String key : new String[] {scope + tail, other, scope.substring(0, scope.length() - 1) + tail, upper + tail}) {
            boolean inRange = bytewise(key, scope) >= 0 && bytewise(key, upper) <= 0;
            assertThat(inRange).as(key).isEqualTo(key.startsWith(scope) || key.equals(upper));
        }
    }

    @Provide
    Arbitrary<String> scopes() {
        return keys().map(id -> "order/ozon/" + id + "/");
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.strings().withChars("/0.-_aZ%ёЯ").ofMinLength(0).ofMaxLength(8);
    }

    /** How PostgreSQL's text_pattern_ops orders keys: by their UTF-8 bytes. */
    private static int bytewise(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
