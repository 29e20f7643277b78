-- Where each client's derivation stands, so that a batch continues from it instead of re-deriving the client's whole
-- history (decision 0010). Written in the same transaction as the transfers it accounts for.
create table settlement_checkpoint (
    client_id         varchar(100) primary key,
    frontier_at       timestamp with time zone,   -- the latest sale, price adjustment or return in business order
    frontier_event    varchar(200),
    declarations      text not null,              -- which receipt each customs declaration clears (JSON)
    unlisted_payouts  boolean not null,           -- a payout without its orders: the client is derived whole
    reference_version varchar(400),               -- the rates and tables it was derived with
    changed_at        timestamp with time zone    -- when a transfer last moved one of the client's figures
);

-- The client's lots after the frontier: a receipt line (<receipt event id>#<line index>) with its unit costs and the units
-- left, in the order the derivation keeps them (position). Unit costs are exact decimals, kept as text.
create table settlement_lot (
    client_id        varchar(100) not null,
    lot_id           varchar(220) not null,
    position         integer not null,
    receipt_id       varchar(100) not null,
    supplier_id      varchar(100) not null,
    sku              varchar(100) not null,
    received_at      timestamp with time zone not null,
    quantity         integer not null,
    unit_goods_cost  varchar(60) not null,
    goods_currency   varchar(3) not null,
    unit_customs     varchar(60) not null,
    unit_logistics   varchar(60) not null,
    cost_currency    varchar(3),
    remaining        integer not null,
    primary key (client_id, lot_id)
);

-- Every order that exists (a sale of it applied), with the lot units each of its applied sales took (JSON), and when
-- its figures last moved in the ledger (what the alert rules look at next).
create table settlement_order (
    client_id   varchar(100) not null,
    order_id    varchar(100) not null,
    currency    varchar(3) not null,
    takes       text not null,
    changed_at  timestamp with time zone,
    primary key (client_id, order_id)
);
create index settlement_order_changed on settlement_order (changed_at);

-- Each sold line's marketplace fee rate at sale (fees / sale gross): the fee-rate rule's usual rate per SKU.
create table fee_rate_observation (
    client_id   varchar(100) not null,
    order_id    varchar(100) not null,
    line_index  integer not null,
    source      varchar(100) not null,
    sku         varchar(100) not null,
    sold_at     timestamp with time zone not null,
    rate        numeric(38, 16) not null,
    primary key (client_id, order_id, line_index)
);
create index fee_rate_recent on fee_rate_observation (client_id, source, sku, sold_at);

-- How far each incremental scan has looked (the alert rules over changed orders).
create table scan_mark (
    name        varchar(50) primary key,
    scanned_to  timestamp with time zone not null
);
create index payment_instruction_created on payment_instruction (created_at);

-- Which recorded facts name which orders: how an order is rebuilt from its own facts.
create table event_order (
    client_id  varchar(100) not null,
    order_id   varchar(100) not null,
    event_id   varchar(200) not null,
    primary key (client_id, order_id, event_id)
);

create index event_fact_client_type on event_fact (client_id, type);
