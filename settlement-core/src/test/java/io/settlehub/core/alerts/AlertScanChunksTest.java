package io.settlehub.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AlertScanChunksTest {

    @Test
    void changed_orders_are_read_in_chunks_of_at_most_two_thousand_holding_each_order_once() {
        Map<String, List<String>> changed = new LinkedHashMap<>();
        changed.put("big", IntStream.range(0, 4500).mapToObj(i -> "B" + i).toList());
        for (int c = 0; c < 700; c++) {
            changed.put("small-" + c, List.of("S" + c + "-1", "S" + c + "-2"));
        }

        List<Map<String, List<String>>> chunks = AlertScan.chunks(changed);

        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.values().stream().mapToInt(List::size).sum()).isLessThanOrEqualTo(2000));
        Map<String, List<String>> joined = new LinkedHashMap<>();
        chunks.forEach(chunk -> chunk.forEach((client, ids) -> joined.computeIfAbsent(client, k -> new ArrayList<>()).addAll(ids)));
        assertThat(joined).isEqualTo(changed);
        assertThat(chunks).hasSize(3);   // 4,500 + 1,400 orders
        assertThat(AlertScan.chunks(Map.of())).isEmpty();
    }
}
