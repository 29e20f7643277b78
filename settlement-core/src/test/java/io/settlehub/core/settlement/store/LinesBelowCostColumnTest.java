package io.settlehub.core.settlement.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlehub.contract.Money;
import io.settlehub.core.settlement.LineBelowCost;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinesBelowCostColumnTest {

    @Test
    void lines_read_back_exactly_as_written_and_none_is_null() {
        List<LineBelowCost> lines = List.of(new LineBelowCost("LAMP-01", 2, Money.of("850.00", "RUB"), Money.of("1166.06", "RUB")),
                new LineBelowCost("CABLE \"2m\"", 1, Money.of("-12.40", "RUB"), Money.of("0.01", "RUB")));
        String column = LinesBelowCostColumn.write(lines);
        assertThat(LinesBelowCostColumn.read(column)).isEqualTo(lines);
        assertThat(LinesBelowCostColumn.write(List.of())).isNull();
        assertThat(LinesBelowCostColumn.read(null)).isEmpty();
    }

    @Test
    void an_unreadable_column_is_named() {
        assertThatThrownBy(() -> LinesBelowCostColumn.read("[{\"sku\":\"A\",\"units\":1,\"brought\":\"x\"}]"))
                .hasMessageContaining("lines_below_cost");
    }
}
