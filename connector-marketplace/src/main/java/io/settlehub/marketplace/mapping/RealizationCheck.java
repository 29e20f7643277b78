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
            reported.merge(row.article(), row.soldUnits() - row.returnedUnits(), Integer::sum);
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
}
