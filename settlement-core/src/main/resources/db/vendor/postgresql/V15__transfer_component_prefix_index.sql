-- PostgreSQL only (db/migration holds what both databases run). The journal's (client_id, component) index served
-- equality only: under a database collation other than "C" (e.g. C.UTF-8, en_US.UTF-8) PostgreSQL cannot use a
-- default-collation index for `component like 'charge/%'`, so the dashboard's "latest charges" read every transfer
-- of the client. text_pattern_ops compares bytewise: the same index serves both equality and prefix reads.
drop index transfer_client;
create index transfer_client on transfer (client_id, component text_pattern_ops);
