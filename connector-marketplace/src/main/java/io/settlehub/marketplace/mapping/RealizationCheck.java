package io.settlehub.marketplace.mapping;

import io.settlehub.marketplace.partner.ozon.RealizationReportResponse.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The month's realization report against the accruals the feed turned into events: units sold less units
 * returned, per article. A difference means a sale or return the hub has not settled, or one Ozon has not
 * reported; it is flagged, never corrected silently.
 */
public final class RealizationCheck {

    private RealizationCheck() {
    }

    /** One article whose net units differ between the report and the accruals. */
    public record Discrepancy(String article, int reportedUnits, int accruedUnits) {
    }

    public static List<Discrepancy> compare(List<Row> reportRows, Map<String, Integer> accruedNetUnits) {
        Map<String, Integer> reported = new TreeMap<>();
        for (Row row : reportRows) {
            String article = row.offerId() != null && !row.offerId().isBlank() ? row.offerId() : String.valueOf(row.productId());
            reported.merge(article, nz(row.saleQty()) - nz(row.returnQty()), Integer::sum);
        }
        Map<String, Integer> all = new TreeMap<>(reported);
        accruedNetUnits.forEach((article, units) -> all.putIfAbsent(article, 0));
        List<Discrepancy> differences = new ArrayList<>();
        for (String article : all.keySet()) {
            int report = reported.getOrDefault(article, 0);
            int accrued = accruedNetUnits.getOrDefault(article, 0);
            if (report != accrued) {
                differences.add(new Discrepancy(article, report, accrued));
            }
        }
        return differences;
    }

    private static int nz(Integer value) {
        return value == null ? 0 : value;
    }
}
