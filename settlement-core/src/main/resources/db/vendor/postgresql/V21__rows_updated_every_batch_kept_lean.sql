-- PostgreSQL only. Rows that ingest updates in every batch, written so that their old versions cost little before a
-- vacuum reaches them (a database may run without autovacuum, as the benchmark's machine does, and vacuum lags a
-- sustained drain anyway):

-- The relay asks for the unpublished messages, oldest first, after every batch. Through (published_at, id) it walked
-- every dead index entry a published message left behind (a bitmap scan never marks them dead): 477 pages for 20 rows
-- after 125,000 messages, 83 s of the database's time in a replay of a million events. A partial index holds only the
-- unpublished ones, and a plain index scan on it marks the entries of those published since as dead as it passes them.
create index outbox_pending on outbox (id) where published_at is null;

-- The accounts' running totals, the checkpoints and the lots' remaining units change in place, in columns no index
-- holds: with room left in each page the new version stays in the page (a HOT update, no new index entry) and the old
-- one is pruned there. New pages keep a quarter free; existing ones get it as they are rewritten.
alter table account set (fillfactor = 75);
alter table settlement_checkpoint set (fillfactor = 75);
alter table settlement_lot set (fillfactor = 75);
