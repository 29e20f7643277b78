package io.settlehub.core.accounting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Accounting documents as issued, version by version, and the periods closed per client. */
@Repository
public class AccountingDocumentRepository {

    private final JdbcTemplate jdbc;

    public AccountingDocumentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest version of a document and the hash of its content. */
    public record Latest(int version, String contentHash) {
    }

    /** A document version as listed, without its body. */
    public record Issued(String documentId, int version, String type, String clientId, String period, Instant issuedAt) {
    }

    public Optional<Latest> latest(String documentId) {
        return jdbc.query("select version, content_hash from accounting_document where document_id = ? order by version desc limit 1",
                (rs, i) -> new Latest(rs.getInt(1), rs.getString(2)), documentId).stream().findFirst();
    }

    public void insert(String documentId, int version, String clientId, String period, String type, String contentHash,
                       String body, Instant issuedAt) {
        jdbc.update("insert into accounting_document (document_id, version, client_id, period, doc_type, content_hash, body, issued_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)", documentId, version, clientId, period, type, contentHash, body,
                Timestamp.from(issuedAt));
    }

    /** Ids of the documents of a type ever issued for a client and period. */
    public List<String> documentIds(String clientId, YearMonth period, String type) {
        return jdbc.queryForList("select distinct document_id from accounting_document where client_id = ? and period = ? and doc_type = ?",
                String.class, clientId, period.toString(), type);
    }

    public List<Issued> ofClient(String clientId) {
        return jdbc.query("select document_id, version, doc_type, client_id, period, issued_at from accounting_document"
                + " where client_id = ? order by period, document_id, version", (rs, i) -> new Issued(rs.getString(1), rs.getInt(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()), clientId);
    }

    public Optional<String> body(String documentId, int version) {
        return jdbc.queryForList("select body from accounting_document where document_id = ? and version = ?", String.class,
                documentId, version).stream().findFirst();
    }

    public Optional<String> clientOf(String documentId) {
        return jdbc.queryForList("select client_id from accounting_document where document_id = ? and version = 1", String.class,
                documentId).stream().findFirst();
    }

    public void recordClose(String clientId, YearMonth period, Instant at) {
        if (jdbc.update("update accounting_period_close set closed_at = ? where client_id = ? and period = ?",
                Timestamp.from(at), clientId, period.toString()) == 0) {
            jdbc.update("insert into accounting_period_close (client_id, period, closed_at) values (?, ?, ?)", clientId,
                    period.toString(), Timestamp.from(at));
        }
    }

    /** The client's closed periods from {@code first} on, oldest first. */
    public List<YearMonth> closedSince(String clientId, YearMonth first) {
        return jdbc.queryForList("select period from accounting_period_close where client_id = ? and period >= ? order by period",
                String.class, clientId, first.toString()).stream().map(YearMonth::parse).toList();
    }
}
