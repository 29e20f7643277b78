-- Agreement versions: each takes effect from a date; a sale is settled on the version in force on its date.
-- client_agreement keeps the latest version (how and where the client is paid).
create table client_agreement_version (
    client_id       varchar(100) not null,
    effective_from  date not null,
    body            text not null,
    primary key (client_id, effective_from)
);
