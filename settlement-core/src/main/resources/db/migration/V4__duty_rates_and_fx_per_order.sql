-- Customs duty rates as dated reference data: the rate of a SKU's tariff line from the date it takes effect.
-- Declarations are checked against it (CUSTOMS_DIFFERS_FROM_TARIFF discrepancies); the declared amounts stay the cost.
create table duty_rate (
    sku         varchar(100) not null,
    valid_from  date not null,
    rate        numeric(8, 6) not null,
    primary key (sku, valid_from)
);

-- Which orders each supplier payment paid for: the change in what each order owed the supplier since the
-- payments before it, and the order's share of the FX difference once the bank booked the payment.
create table supplier_payment_order (
    instruction_id  varchar(35) not null references supplier_payment (instruction_id),
    order_source    varchar(100) not null,
    order_id        varchar(200) not null,
    owed            numeric(38, 10) not null,
    charged         numeric(38, 10) not null,
    fx_difference   numeric(38, 10),
    primary key (instruction_id, order_source, order_id)
);
create index supplier_payment_order_order on supplier_payment_order (order_source, order_id);

-- booked_on: the bank's booking date; debited: the RUB the bank reports it debited (null: the booking date's rate
-- prices the payment, and a rate published late for that date re-derives the FX difference).
alter table supplier_payment add column booked_on date;
alter table supplier_payment add column debited numeric(38, 10);
alter table supplier_payment add column fx_born_by varchar(10);
