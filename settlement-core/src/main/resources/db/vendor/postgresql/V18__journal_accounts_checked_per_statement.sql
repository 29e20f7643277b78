-- PostgreSQL only (decision 0016). The journal's two foreign keys checked every transfer by itself: two index probes and
-- two row locks per row, which made appending a batch's transfers by COPY about three times slower (200,000 transfers of
-- the benchmark: 2.8-3.1 s with them, 1.1 s with the check below, 0.8-1.0 s with none). The rule stays the same:
-- a transfer names only accounts that exist, and an account named by the journal is never deleted nor renamed. It is
-- now checked once per statement over all the rows the statement appended.
alter table transfer drop constraint transfer_debit_account_fkey;
alter table transfer drop constraint transfer_credit_account_fkey;

create function transfer_accounts_exist() returns trigger language plpgsql as $$
declare
    missing text;
begin
    select a.account_key into missing
      from (select debit_account as account_key from appended union select credit_account from appended) a
     where not exists (select 1 from account x where x.account_key = a.account_key)
     limit 1;
    if missing is not null then
        raise foreign_key_violation using message = 'a transfer names account ' || missing || ', which does not exist';
    end if;
    return null;
end $$;

create trigger transfer_accounts_exist after insert on transfer
    referencing new table as appended for each statement execute function transfer_accounts_exist();

create function account_kept() returns trigger language plpgsql as $$
begin
    raise foreign_key_violation using message = 'accounts are never deleted nor renamed (' || coalesce(old.account_key, 'all') || ')';
end $$;

create trigger account_kept before delete or update of account_key on account for each row execute function account_kept();

create function accounts_kept() returns trigger language plpgsql as $$
begin
    raise foreign_key_violation using message = 'accounts are never deleted nor renamed (truncate)';
end $$;

create trigger accounts_kept before truncate on account for each statement execute function accounts_kept();
