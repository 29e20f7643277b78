-- What the marketplace paid of each order and what it paid beyond that (issue 14): the discrepancies read the orders paid
-- beyond from the settled state instead of deriving every client.
alter table settlement_order add column marketplace_paid numeric(38, 10);
alter table settlement_order add column paid_beyond numeric(38, 10) not null default 0;
create index settlement_order_paid_beyond on settlement_order (client_id, paid_beyond);

-- The orders stored before had neither: every client's settled state is derived again, whole, by the rebuild that runs
-- at start for clients with an agreement and no checkpoint (and by a client's next batch, whichever is first).
delete from settlement_lot;
delete from settlement_order;
delete from order_supplier_due;
delete from held_by_release;
delete from fee_rate_observation;
delete from settlement_checkpoint;
