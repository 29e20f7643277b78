package io.settlehub.core.jdbc;

import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database the hub runs on: PostgreSQL in production and CI, H2 (PostgreSQL mode) for the zero-set-up demo. The
 * few statements the two spell differently (upserts, array parameters) ask here.
 */
@Component
public class SqlDialect {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    public SqlDialect(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An upsert that adds: a row of {@code keys} and {@code values} (in that order, one parameter each) is inserted, or,
     * when its keys exist, its values are added to theirs.
     */
    public String addingUpsert(String table, java.util.List<String> keys, java.util.List<String> values, java.util.List<String> types) {
        return addingUpsert(table, keys, values, java.util.List.of(), types);
    }

    /**
     * An upsert that adds {@code added} and keeps the greatest of {@code latest}: a row of {@code keys}, {@code added} and
     * {@code latest} (in that order, one parameter each, {@code types} likewise) is inserted, or, when its keys exist, its
     * added values are added to theirs and each latest value replaces a smaller one.
     */
    public String addingUpsert(String table, java.util.List<String> keys, java.util.List<String> added, java.util.List<String> latest,
                               java.util.List<String> types) {
        return addingUpsert(table, keys, java.util.List.of(), added, latest, types);
    }

    /**
     * {@link #addingUpsert(String, java.util.List, java.util.List, java.util.List, java.util.List)} with columns only an
     * insert writes: the parameters are {@code keys}, {@code inserted}, {@code added}, {@code latest}, in that order.
     * PostgreSQL takes the rows of a batch in their order, so rows sorted by key are locked in that order.
     */
    public String addingUpsert(String table, java.util.List<String> keys, java.util.List<String> inserted, java.util.List<String> added,
                               java.util.List<String> latest, java.util.List<String> types) {
        java.util.List<String> columns = new java.util.ArrayList<>(keys);
        columns.addAll(inserted);
        columns.addAll(added);
        columns.addAll(latest);
        String names = String.join(", ", columns);
        if (postgres()) {
            java.util.List<String> sets = updates(table + ".", "excluded.", added, latest);
            return "insert into " + table + " (" + names + ") values (" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
                    + ") on conflict (" + String.join(", ", keys) + ") do update set " + String.join(", ", sets);
        }
        java.util.List<String> casts = new java.util.ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            casts.add("cast(? as " + types.get(i) + ")");
        }
        java.util.List<String> sets = updates("t.", "s.", added, latest);
        return "merge into " + table + " t using (values (" + String.join(", ", casts) + ")) s (" + names + ") on "
                + String.join(" and ", keys.stream().map(k -> "t." + k + " = s." + k).toList())
                + " when matched then update set " + String.join(", ", sets)
                + " when not matched then insert (" + names + ") values (" + String.join(", ", columns.stream().map(c -> "s." + c).toList()) + ")";
    }

    /** The assignments of a PostgreSQL adding upsert ({@link BulkInsert#upsert}'s {@code updates}). */
    public static String addingUpdates(String table, java.util.List<String> added, java.util.List<String> latest) {
        return String.join(", ", updates(table + ".", "excluded.", added, latest));
    }

    /** The assignments of an upsert's update: {@code existing} is the stored row's qualifier, {@code incoming} the new one's. */
    private static java.util.List<String> updates(String existing, String incoming, java.util.List<String> added, java.util.List<String> latest) {
        java.util.List<String> sets = new java.util.ArrayList<>();
        added.forEach(v -> sets.add(v + " = " + existing + v + " + " + incoming + v));
        latest.forEach(v -> sets.add(v + " = greatest(" + existing + v + ", " + incoming + v + ")"));
        return sets;
    }

    public boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                    connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
            postgres = known;
        }
        return known;
    }
}
