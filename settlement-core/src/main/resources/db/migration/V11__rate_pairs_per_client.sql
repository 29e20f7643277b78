-- Which currency pairs each client's settlement looked a rate up for (issue 14): a new rate re-derives only the clients
-- that use its pair; the others keep their settled state and move to the new reference data as they are.
create table client_rate_pair (
    client_id varchar(100) not null,
    pair      varchar(7) not null,
    primary key (client_id, pair)
);

-- A checkpoint now stands for a client whose pairs are recorded: the settled state is derived again, whole, by the
-- rebuild at start (decision 0011), which records them.
delete from settlement_lot;
delete from settlement_order;
delete from order_supplier_due;
delete from held_by_release;
delete from fee_rate_observation;
delete from settlement_checkpoint;
