-- Supplier payments: what was sent to each supplier for a client's goods, in the supplier's currency, and the RUB
-- the client was charged for those goods (the base of the FX difference when the bank books the payment).
create table supplier_payment (
    instruction_id  varchar(35) primary key references payment_instruction (instruction_id),
    client_id       varchar(100) not null,
    supplier_id     varchar(100) not null,
    amount          numeric(38, 10) not null,
    currency        varchar(3) not null,
    charged         numeric(38, 10) not null,
    charged_currency varchar(3) not null,
    fx_difference   numeric(38, 10)
);
create index supplier_payment_client on supplier_payment (client_id, supplier_id);
