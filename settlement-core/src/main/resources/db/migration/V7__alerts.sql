-- Anomalies found by the alert rules: each raised once (its id is its kind and subject), published on hub.notifications.
create table alert (
    alert_id     varchar(400) primary key,
    kind         varchar(40) not null,
    client_id    varchar(100),
    subject      varchar(300) not null,
    message      text not null,
    raised_at    timestamp with time zone not null
);
create index alert_client on alert (client_id, raised_at);
