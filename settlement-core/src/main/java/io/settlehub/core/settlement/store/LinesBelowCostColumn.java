package io.settlehub.core.settlement.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.settlehub.contract.Money;
import io.settlehub.core.settlement.LineBelowCost;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code settlement_order.lines_below_cost}: an order's {@link LineBelowCost}s as a JSON array of
 * {@code {"sku", "units", "brought", "landedCost", "currency"}}, the amounts as exact decimal strings; null when there are
 * none.
 */
public final class LinesBelowCostColumn {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LinesBelowCostColumn() {
    }

    public static String write(List<LineBelowCost> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> rows = new ArrayList<>(lines.size());
        for (LineBelowCost line : lines) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sku", line.sku());
            row.put("units", line.units());
            row.put("brought", line.brought().plain());
            row.put("landedCost", line.landedCost().plain());
            row.put("currency", line.brought().currency());
            rows.add(row);
        }
        try {
            return JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<LineBelowCost> read(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            List<LineBelowCost> lines = new ArrayList<>();
            for (JsonNode row : JSON.readTree(text)) {
                String currency = row.path("currency").asText();
                lines.add(new LineBelowCost(row.path("sku").asText(), row.path("units").asInt(),
                        new Money(new BigDecimal(row.path("brought").asText()), currency),
                        new Money(new BigDecimal(row.path("landedCost").asText()), currency)));
            }
            return lines;
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("unreadable lines_below_cost in settlement_order: " + e.getMessage(), e);
        }
    }
}
