package io.settlehub.core.settlement.store;

import io.settlehub.core.jdbc.TextArray;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Agreements, suppliers and the per-client lock row. */
@Repository
public class ClientRepository {

    private final JdbcTemplate jdbc;

    /**
     * Every batch reads the agreements of the clients it touches, and parsing each again cost more than reading it: the
     * body just read is compared with the one parsed last time, and parsed again only when it changed. Bounded: about
     * 20 MB at most.
     */
    private final java.util.Map<String, ParsedVersion> parsedVersions = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, ParsedVersion> eldest) {
                    return size() > 20_000;
                }
            });

    public ClientRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void ensureKnown(Collection<String> clientIds) {
        jdbc.batchUpdate("insert into client_state (client_id) values (?) on conflict do nothing",
                new java.util.ArrayList<>(clientIds), 500, (ps, id) -> ps.setString(1, id));
    }

    /** Locks the clients' rows in a fixed order, so concurrent settlements and payout runs never deadlock. */
    public void lock(Collection<String> clientIds) {
        ensureKnown(clientIds);
        List<String> sorted = clientIds.stream().distinct().sorted().toList();
        if (!sorted.isEmpty()) {
            jdbc.query("select client_id from client_state where client_id = any(?) order by client_id for update",
                    ps -> TextArray.bind(ps, 1, sorted), rs -> {
                    });
        }
    }

    public List<String> allClients() {
        return jdbc.queryForList("select client_id from client_state order by client_id", String.class);
    }

    public Optional<String> agreementJson(String clientId) {
        return jdbc.queryForList("select body from client_agreement where client_id = ?", String.class, clientId).stream().findFirst();
    }

    /** Clients with an agreement whose settled state (checkpoint, orders, lots) does not exist. */
    public List<String> clientsWithoutSettledState() {
        return jdbc.queryForList("select a.client_id from client_agreement a where not exists"
                + " (select 1 from settlement_checkpoint c where c.client_id = a.client_id) order by a.client_id", String.class);
    }

    public List<String> clientsWithAgreement() {
        return jdbc.queryForList("select client_id from client_agreement order by client_id", String.class);
    }

    /**
     * Stores an agreement version: from {@code effectiveFrom} on, or — when null — as the only version, always in force.
     * The latest version becomes the client's current agreement.
     */
    public void saveAgreement(String clientId, String json, java.time.LocalDate effectiveFrom) {
        java.time.LocalDate from = effectiveFrom == null ? io.settlehub.core.settlement.AgreementTerms.BEGINNING : effectiveFrom;
        if (effectiveFrom == null) {
            jdbc.update("delete from client_agreement_version where client_id = ?", clientId);
        } else {
            jdbc.update("delete from client_agreement_version where client_id = ? and effective_from = ?", clientId, java.sql.Date.valueOf(from));
        }
        jdbc.update("insert into client_agreement_version (client_id, effective_from, body) values (?, ?, ?)",
                clientId, java.sql.Date.valueOf(from), json);
        String latest = jdbc.queryForObject("select body from client_agreement_version where client_id = ?"
                + " order by effective_from desc limit 1", String.class, clientId);
        saveCurrent(clientId, latest);
    }

    /** Every version of the client's agreement, if it has one. */
    public Optional<io.settlehub.core.settlement.AgreementTerms> agreementTerms(String clientId) {
        java.util.Map<java.time.LocalDate, io.settlehub.core.settlement.Agreement> versions = new java.util.TreeMap<>();
        jdbc.query("select effective_from, body from client_agreement_version where client_id = ?", rs -> {
            versions.put(rs.getDate(1).toLocalDate(), parsed(clientId, rs.getDate(1).toLocalDate(), rs.getString(2)));
        }, clientId);
        return versions.isEmpty() ? Optional.empty() : Optional.of(new io.settlehub.core.settlement.AgreementTerms(versions));
    }

    /** The agreement versions of each of these clients that has an agreement. */
    public java.util.Map<String, io.settlehub.core.settlement.AgreementTerms> agreementTerms(Collection<String> clientIds) {
        java.util.Map<String, java.util.Map<java.time.LocalDate, io.settlehub.core.settlement.Agreement>> versions = new java.util.HashMap<>();
        List<String> ids = List.copyOf(clientIds);
        if (!ids.isEmpty()) {
            jdbc.query("select client_id, effective_from, body from client_agreement_version where client_id = any(?)",
                    ps -> TextArray.bind(ps, 1, ids), rs -> {
                        String client = rs.getString(1);
                        java.time.LocalDate from = rs.getDate(2).toLocalDate();
                        versions.computeIfAbsent(client, c -> new java.util.TreeMap<>()).put(from, parsed(client, from, rs.getString(3)));
                    });
        }
        java.util.Map<String, io.settlehub.core.settlement.AgreementTerms> terms = new java.util.HashMap<>();
        versions.forEach((client, byDate) -> terms.put(client, new io.settlehub.core.settlement.AgreementTerms(byDate)));
        return terms;
    }

    /** An agreement version's body as read, and what it says. */
    private record ParsedVersion(String body, io.settlehub.core.settlement.Agreement agreement) {
    }

    private io.settlehub.core.settlement.Agreement parsed(String clientId, java.time.LocalDate effectiveFrom, String body) {
        String key = clientId + '\u0000' + effectiveFrom;
        ParsedVersion known = parsedVersions.get(key);
        if (known != null && known.body().equals(body)) {
            return known.agreement();
        }
        io.settlehub.core.settlement.Agreement agreement = io.settlehub.core.settlement.AgreementJson.read(clientId, body);
        parsedVersions.put(key, new ParsedVersion(body, agreement));
        return agreement;
    }

    private void saveCurrent(String clientId, String json) {
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        if (jdbc.update("update client_agreement set body = ?, updated_at = ? where client_id = ?", json, now, clientId) == 0) {
            jdbc.update("insert into client_agreement (client_id, body, updated_at) values (?, ?, ?)", clientId, json, now);
        }
        ensureKnown(List.of(clientId));
    }

    public Optional<String> supplierJson(String supplierId) {
        return jdbc.queryForList("select body from supplier where supplier_id = ?", String.class, supplierId).stream().findFirst();
    }

    public void saveSupplier(String supplierId, String json) {
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        if (jdbc.update("update supplier set body = ?, updated_at = ? where supplier_id = ?", json, now, supplierId) == 0) {
            jdbc.update("insert into supplier (supplier_id, body, updated_at) values (?, ?, ?)", supplierId, json, now);
        }
    }
}
