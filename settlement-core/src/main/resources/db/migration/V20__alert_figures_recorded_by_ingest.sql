-- What the alert rules over orders look at, recorded by ingest with the settled state (decision 0020), so that a scan reads
-- it instead of rebuilding every order that changed.

-- An order's lines whose kept units brought in less than they cost landed (JSON; null when none).
alter table settlement_order add column lines_below_cost text;

-- Each fee-rate observation with the two figures it is of, and when it was recorded: a scan examines those recorded since
-- its previous one. Observations recorded before this migration were examined by the scans of their time.
alter table fee_rate_observation add column sale_fees numeric(38, 10);
alter table fee_rate_observation add column sale_gross numeric(38, 10);
alter table fee_rate_observation add column currency varchar(3);
alter table fee_rate_observation add column recorded_at timestamp with time zone;
create index fee_rate_recorded on fee_rate_observation (recorded_at);

-- Marketplace payouts of which a part matches no order the hub expected them to pay, as the latest derivation left them.
create table unmatched_payout (
    client_id    varchar(100) not null,
    source       varchar(100) not null,
    payout_id    varchar(200) not null,
    currency     varchar(3) not null,
    amount       numeric(38, 10) not null,
    unallocated  numeric(38, 10) not null,
    changed_at   timestamp with time zone not null,
    primary key (client_id, source, payout_id)
);
create index unmatched_payout_changed on unmatched_payout (changed_at);

-- Nothing reads when a client's figures last moved any more (the payout rule reads unmatched_payout): one write less per
-- client and batch.
alter table settlement_checkpoint drop column changed_at;
