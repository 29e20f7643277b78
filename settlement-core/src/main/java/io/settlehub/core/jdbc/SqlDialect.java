package io.settlehub.core.jdbc;

import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database the hub runs on: PostgreSQL in production and CI, H2 (PostgreSQL mode) for the zero-set-up demo. The
 * few statements the two spell differently (H2's upserts, array parameters) ask here.
 */
@Component
public class SqlDialect {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    public SqlDialect(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * H2's statement for an upsert that adds, one row per execution (PostgreSQL's rows are staged instead:
     * {@link BulkInsert#addingUpsert}): the parameters are {@code keys}, {@code inserted} (written by an insert only),
     * {@code added} (added to the stored values) and {@code latest} (each replacing a smaller stored value), in that order,
     * of the SQL {@code types} given.
     */
    public String addingUpsert(String table, java.util.List<String> keys, java.util.List<String> inserted, java.util.List<String> added,
                               java.util.List<String> latest, java.util.List<String> types) {
        java.util.List<String> columns = new java.util.ArrayList<>(keys);
        columns.addAll(inserted);
        columns.addAll(added);
        columns.addAll(latest);
        String names = String.join(", ", columns);
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
