-- Per client ('' for facts of no client, such as rates) and source: how many facts, when the last arrived and the
-- latest time one occurred. Kept as facts are recorded, so that the operator's page, the database metrics and the
-- feed-silence rule read a row per client and source instead of counting every fact ever recorded.
create table source_seen (
    client_id         varchar(100) not null,
    source            varchar(100) not null,
    events            bigint not null,
    last_received_at  timestamp with time zone not null,
    last_occurred_at  timestamp with time zone not null,
    primary key (client_id, source)
);

insert into source_seen (client_id, source, events, last_received_at, last_occurred_at)
select coalesce(client_id, ''), source, count(*), max(received_at), max(occurred_at)
from event_fact
group by coalesce(client_id, ''), source;
