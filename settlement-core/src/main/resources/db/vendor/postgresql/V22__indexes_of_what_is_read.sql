-- PostgreSQL only (H2, the demo's database, has no partial indexes and keeps the full ones). Every fact and every order a
-- batch writes enters each index of its table; these index only the rows their reads look for (docs/performance.md).

-- Facts: the client's facts are found through (client_id, type), whose first column answers a read by client alone; the
-- only read by type alone is of the exchange rates, a few hundred among millions of facts.
drop index event_fact_client;
drop index event_fact_type;
create index event_fact_fx_rate on event_fact (occurred_at) where type = 'FX_RATE';

-- Orders: each update of an order (its changed_at moves every time) enters every index of the table. The holds are read
-- for orders that hold, the overpaid for orders paid beyond what was owed, and the alert scan reads the orders with lines
-- below landed cost that changed: about a sixth, a thousandth and a twelfth of the orders in the benchmark's stream.
drop index settlement_order_holding;
create index settlement_order_holding on settlement_order (client_id, hold_release_at, order_id) where holding;
drop index settlement_order_paid_beyond;
create index settlement_order_paid_beyond on settlement_order (client_id) where paid_beyond > 0;
drop index settlement_order_changed;
create index settlement_order_changed on settlement_order (changed_at) where lines_below_cost is not null;
