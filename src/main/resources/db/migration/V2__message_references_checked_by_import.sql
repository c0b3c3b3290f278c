-- Per-row foreign-key triggers cost more than the rest of a bulk import together (measured: ~11 µs per
-- row and per key, three keys). Messages are only ever written by the set-based upsert, which joins each
-- row to its account and person, so the references hold by construction.
alter table message drop constraint message_account_id_fkey;
alter table message drop constraint message_person_id_fkey;
alter table message drop constraint message_import_id_fkey;
