-- The central bank's BIK directory (ED807) in force: one row per BIK, replaced whole by each newer directory.
create table bank_directory (
    bik                   varchar(9) primary key,
    name                  varchar(160) not null,
    correspondent_account varchar(20),
    closed_on             date,
    closed_because        varchar(200)
);
-- Each directory loaded: its business day, how many BIKs, when.
create table bank_directory_load (
    business_day date primary key,
    entries      integer not null,
    closed       integer not null,
    loaded_at    timestamp with time zone not null
);
