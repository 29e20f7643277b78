-- The client's version served an in-memory cache of settled clients that decision 0010 replaced with checkpoints; nothing
-- has read it since, and bumping it cost a row update per client in every batch.
alter table client_state drop column version;
