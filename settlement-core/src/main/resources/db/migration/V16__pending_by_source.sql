-- Per client, currency and marketplace: what the marketplace still owes the client for its orders (their pending),
-- moved as ingest changes the orders, so that the cash-expected chart reads a row per marketplace, not every order
-- the client ever sold.
create table pending_by_source (
    client_id  varchar(100) not null,
    currency   varchar(3) not null,
    source     varchar(100) not null,
    amount     numeric(38, 10) not null,
    primary key (client_id, currency, source)
);

insert into pending_by_source (client_id, currency, source, amount)
select client_id, currency, source, sum(pending)
from settlement_order
where pending <> 0
group by client_id, currency, source;
