-- Per client, currency, line and bucket: what each kind of cause moved in the client's buckets (the balance
-- waterfall). Lines: orders (order/…), charges without an order (charge/…), FX differences of supplier payments
-- (payment/…/fx-difference), payouts (payment/…), anything else (other). The lines of a bucket add up to its balance.
create table balance_line (
    client_id  varchar(100) not null,
    currency   varchar(3) not null,
    line       varchar(20) not null,
    bucket     varchar(20) not null,
    amount     numeric(38, 10) not null,
    primary key (client_id, currency, line, bucket)
);

insert into balance_line (client_id, currency, line, bucket, amount)
select l.client_id, l.currency, l.line, l.kind, sum(l.amount)
from (
    select m.client_id, m.currency, m.kind, m.amount,
           case when m.component like 'order/%' then 'orders'
                when m.component like 'charge/%' then 'charges'
                when m.component like 'payment/%/fx-difference' then 'fx-differences'
                when m.component like 'payment/%' then 'payouts'
                else 'other' end as line
    from (
        select t.client_id, t.currency, t.component, a.kind, t.amount
        from transfer t join account a on a.account_key = t.credit_account
        where a.owner = 'client/' || t.client_id and a.kind in ('pending', 'held', 'available', 'inFlight', 'paid')
        union all
        select t.client_id, t.currency, t.component, a.kind, -t.amount
        from transfer t join account a on a.account_key = t.debit_account
        where a.owner = 'client/' || t.client_id and a.kind in ('pending', 'held', 'available', 'inFlight', 'paid')
    ) m
) l
group by l.client_id, l.currency, l.line, l.kind;

-- The balance by day now counts each movement on the business day of the event that caused it (posting day when
-- no partner event caused it): recounted from the journal.
delete from balance_day;

insert into balance_day (client_id, currency, business_day, owed, paid)
select m.client_id, m.currency, m.business_day,
       sum(case when m.kind = 'paid' then 0 else m.amount end),
       sum(case when m.kind = 'paid' then m.amount else 0 end)
from (
    select t.client_id, t.currency, cast(coalesce(f.occurred_at, t.posted_at) at time zone 'Europe/Moscow' as date) as business_day,
           a.kind, t.amount
    from transfer t join account a on a.account_key = t.credit_account
    left join event_fact f on f.event_id = t.cause
    where a.owner = 'client/' || t.client_id and a.kind in ('pending', 'held', 'available', 'inFlight', 'paid')
    union all
    select t.client_id, t.currency, cast(coalesce(f.occurred_at, t.posted_at) at time zone 'Europe/Moscow' as date) as business_day,
           a.kind, -t.amount
    from transfer t join account a on a.account_key = t.debit_account
    left join event_fact f on f.event_id = t.cause
    where a.owner = 'client/' || t.client_id and a.kind in ('pending', 'held', 'available', 'inFlight', 'paid')
) m
group by m.client_id, m.currency, m.business_day;
