package io.settlehub.core.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.settlehub.core.dashboard.DashboardCharts;
import io.settlehub.core.settlement.store.HeldByReleaseRepository;
import io.settlehub.core.text.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Function;

/**
 * A chart as the page's script draws it: labels as the reader writes dates and months, series named in the reader's
 * language, values as exact JSON numbers.
 */
final class ChartJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartJson() {
    }

    /** {@code name}: the reader's words for a message key ({@code chart.series.owed}, {@code chart.dateUnknown}). */
    static String write(DashboardCharts.Chart chart, Readable fmt, Function<String, String> name) {
        ObjectNode root = JSON.createObjectNode();
        root.put("currency", chart.currency());
        root.put("locale", fmt.locale().toLanguageTag());
        ArrayNode labels = root.putArray("labels");
        for (Object label : chart.labels()) {
            if (label instanceof LocalDate date) {
                labels.add(date.equals(HeldByReleaseRepository.NOT_GIVEN) ? name.apply("chart.dateUnknown") : fmt.date(date));
            } else if (label instanceof YearMonth month) {
                labels.add(fmt.month(month));
            } else {
                labels.add(String.valueOf(label));
            }
        }
        ArrayNode series = root.putArray("series");
        for (DashboardCharts.Series s : chart.series()) {
            ObjectNode one = series.addObject();
            one.put("key", s.key());
            one.put("name", name.apply("chart.series." + s.key()));
            ArrayNode values = one.putArray("values");
            for (BigDecimal value : s.values()) {
                values.add(new BigDecimal(value.stripTrailingZeros().toPlainString()));
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
