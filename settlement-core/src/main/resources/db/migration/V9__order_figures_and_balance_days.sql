-- What a client's page reads without deriving anything (issue 14, decision 0011): each order's figures as the ledger
-- holds them, written with the order's checkpoint state, and each day's movement of the client's buckets.
alter table settlement_order add column source varchar(100);
alter table settlement_order add column sold_at timestamp with time zone;
alter table settlement_order add column gross numeric(38, 10);
alter table settlement_order add column marketplace_fees numeric(38, 10);
alter table settlement_order add column commission numeric(38, 10);
alter table settlement_order add column landed_cost numeric(38, 10);
alter table settlement_order add column client_net numeric(38, 10);
alter table settlement_order add column pending numeric(38, 10);
alter table settlement_order add column held numeric(38, 10);
alter table settlement_order add column available numeric(38, 10);
alter table settlement_order add column outstanding_hold numeric(38, 10);
alter table settlement_order add column hold_release_at timestamp with time zone;
alter table settlement_order add column holding boolean not null default false;
create index settlement_order_sold on settlement_order (client_id, sold_at, order_id);
create index settlement_order_holding on settlement_order (client_id, holding, hold_release_at, order_id);

-- The orders stored before had no figures: every client's settled state is derived again, whole, by the rebuild that
-- runs at start for clients with an agreement and no checkpoint (and by a client's next batch, whichever is first).
delete from settlement_lot;
delete from settlement_order;
delete from fee_rate_observation;
delete from settlement_checkpoint;

-- Per client, currency and business day (Moscow): how much the client's buckets grew that day — owed (pending, held,
-- available, in flight) and paid. The balance chart reads 90 rows instead of every transfer of 90 days.
create table balance_day (
    client_id  varchar(100) not null,
    currency   varchar(3) not null,
    business_day date not null,
    owed       numeric(38, 10) not null,
    paid       numeric(38, 10) not null,
    primary key (client_id, currency, business_day)
);

insert into balance_day (client_id, currency, business_day, owed, paid)
select m.client_id, m.currency, m.business_day,
       sum(case when m.kind = 'paid' then 0 else m.amount end),
       sum(case when m.kind = 'paid' then m.amount else 0 end)
from (
    select t.client_id, t.currency, cast(t.posted_at at time zone 'Europe/Moscow' as date) as business_day, a.kind, t.amount
    from transfer t join account a on a.account_key = t.credit_account
    where a.owner = 'client/' || t.client_id and a.kind in ('pending', 'held', 'available', 'inFlight', 'paid')
    union all
    select t.client_id, t.currency, cast(t.posted_at at time zone 'Europe/Moscow' as date) as business_day, a.kind, -t.amount
    from transfer t join account a on a.account_key = t.debit_account
    where a.owner = 'client/' || t.client_id and a.kind in ('pending', 'held', 'available', 'inFlight', 'paid')
) m
group by m.client_id, m.currency, m.business_day;

-- Per client and currency, the money the marketplaces hold by the business day they expect to release it (9999-12-31:
-- the marketplace gave no date): the cash-expected chart reads one row per day, not every order that holds money.
-- Filled as the clients' settled state is derived again.
create table held_by_release (
    client_id    varchar(100) not null,
    currency     varchar(3) not null,
    release_day  date not null,
    amount       numeric(38, 10) not null,
    primary key (client_id, currency, release_day)
);

-- Each fully paid order's part of its suppliers' dues: what a payout run pays suppliers from, without deriving the
-- client. Filled as the clients' settled state is derived again.
create table order_supplier_due (
    client_id         varchar(100) not null,
    order_id          varchar(100) not null,
    supplier_id       varchar(100) not null,
    source            varchar(100) not null,
    owed              numeric(38, 10) not null,
    owed_currency     varchar(3) not null,
    charged           numeric(38, 10) not null,
    charged_currency  varchar(3) not null,
    primary key (client_id, order_id, supplier_id)
);
