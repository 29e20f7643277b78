package io.settlehub.core.alerts;

import io.settlehub.contract.Money;
import io.settlehub.core.jdbc.SqlDialect;
import io.settlehub.core.jdbc.TextArray;
import io.settlehub.core.settlement.FeeObservation;
import io.settlehub.core.settlement.LineBelowCost;
import io.settlehub.core.settlement.store.LinesBelowCostColumn;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * What ingest recorded for the alert rules over orders (decision 0020), read by what changed since a scan: the orders'
 * lines below landed cost, the fee-rate observations, and each SKU's latest fee rates. A scan reads rows, it rebuilds no
 * order.
 */
@Repository
public class RecordedFigures {

    /** The lines of one order that brought in less than they cost landed. */
    public record OrderBelowCost(String clientId, String source, String orderId, List<LineBelowCost> lines) {
    }

    /** A SKU of a client on a marketplace: what a fee rate is usual for. */
    public record Sku(String clientId, String source, String sku) {
    }

    /** Rows fetched per round trip of a streamed read. */
    private static final int FETCH_SIZE = 2_000;

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    public RecordedFigures(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** The orders with lines below landed cost whose figures moved at or after {@code since}. */
    public List<OrderBelowCost> ordersBelowCostChangedSince(Instant since) {
        return jdbc.query("select client_id, source, order_id, lines_below_cost from settlement_order where changed_at >= ?"
                + " and lines_below_cost is not null order by client_id, order_id", (rs, i) -> new OrderBelowCost(rs.getString(1),
                rs.getString(2), rs.getString(3), LinesBelowCostColumn.read(rs.getString(4))), Timestamp.from(since));
    }

    /**
     * The fee-rate observations recorded at or after {@code since}, handed over by client in groups of at most
     * {@code clientsPerGroup} clients: read by when they were recorded, as one result streamed in order of client, so a
     * scan holds one group at a time however much changed (a catch-up after a restart reads hours of ingest).
     */
    public void feesRecordedSince(Instant since, int clientsPerGroup, Consumer<Map<String, List<FeeObservation>>> group) {
        Map<String, List<FeeObservation>> observed = new TreeMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select client_id, source, order_id, line_index, sku, rate, sale_fees, sale_gross,"
                    + " currency from fee_rate_observation where recorded_at >= ? order by client_id, order_id, line_index");
            ps.setFetchSize(FETCH_SIZE);
            ps.setTimestamp(1, Timestamp.from(since));
            return ps;
        }, (RowCallbackHandler) rs -> {
            String clientId = rs.getString(1);
            if (!observed.containsKey(clientId) && observed.size() == clientsPerGroup) {
                group.accept(new TreeMap<>(observed));
                observed.clear();
            }
            String currency = rs.getString(9);
            observed.computeIfAbsent(clientId, c -> new ArrayList<>()).add(new FeeObservation(rs.getString(2), rs.getString(3),
                    rs.getInt(4), rs.getString(5), rs.getBigDecimal(6), Money.rounded(rs.getBigDecimal(7), currency),
                    Money.rounded(rs.getBigDecimal(8), currency)));
        });
        if (!observed.isEmpty()) {
            group.accept(observed);
        }
    }

    /** The fee rates of each SKU's latest {@code limit} sales (by sale time), all SKUs in one round trip on PostgreSQL. */
    public Map<Sku, List<BigDecimal>> recentFeeRates(Collection<Sku> skus, int limit) {
        Map<Sku, List<BigDecimal>> rates = new HashMap<>();
        if (skus.isEmpty()) {
            return rates;
        }
        String latest = "select rate from fee_rate_observation where client_id = ? and source = ? and sku = ? order by sold_at desc limit "
                + limit;
        if (!dialect.postgres()) {
            skus.forEach(sku -> rates.put(sku, jdbc.queryForList(latest, BigDecimal.class, sku.clientId(), sku.source(), sku.sku())));
            return rates;
        }
        List<Sku> keys = List.copyOf(skus);
        // one index range per SKU ("offset 0" keeps the lateral subquery a probe per row, as SettledStateRepository's pairs)
        jdbc.query("select k.i, x.rate from unnest(?::text[], ?::text[], ?::text[]) with ordinality as k(c, s, sku, i) cross join lateral"
                + " (select rate from fee_rate_observation where client_id = k.c and source = k.s and sku = k.sku order by sold_at desc"
                + " limit " + limit + " offset 0) as x", ps -> {
                    TextArray.planWithParameters(ps);
                    ps.setArray(1, ps.getConnection().createArrayOf("text", keys.stream().map(Sku::clientId).toArray()));
                    ps.setArray(2, ps.getConnection().createArrayOf("text", keys.stream().map(Sku::source).toArray()));
                    ps.setArray(3, ps.getConnection().createArrayOf("text", keys.stream().map(Sku::sku).toArray()));
                }, rs -> {
                    rates.computeIfAbsent(keys.get(rs.getInt(1) - 1), k -> new ArrayList<>()).add(rs.getBigDecimal(2));
                });
        keys.forEach(sku -> rates.putIfAbsent(sku, List.of()));
        return rates;
    }
}
