-- Documents for the client's accounting: every version ever issued, never edited (a changed document is a new version).
create table accounting_document (
    document_id   varchar(200) not null,
    version       integer not null,
    client_id     varchar(100) not null,
    period        varchar(7) not null,
    doc_type      varchar(30) not null,
    content_hash  varchar(64) not null,   -- of the content without version and issue time: unchanged content is not issued again
    body          text not null,
    issued_at     timestamp with time zone not null,
    primary key (document_id, version)
);
create index accounting_document_client on accounting_document (client_id, period);

-- Periods closed per client: a recalculation issues corrected versions for the closed periods it reaches.
create table accounting_period_close (
    client_id   varchar(100) not null,
    period      varchar(7) not null,
    closed_at   timestamp with time zone not null,
    primary key (client_id, period)
);
