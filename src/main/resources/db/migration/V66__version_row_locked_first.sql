-- Triggers of one event fire in name order. V10's, which give the account a new data version and so lock its
-- version row, are renamed to fire first on every event: every writer of messages then locks that row before any
-- row of the derived facts (person days, thread facts, account days), in one order. Before, an update fired
-- message_person_days_updated and message_threads_updated first, so an import re-importing changed rows and an
-- erasure of the same account could lock the two in opposite orders and deadlock.
alter trigger message_inserted on message rename to message_a_version_inserted;
alter trigger message_updated on message rename to message_a_version_updated;
alter trigger message_deleted on message rename to message_a_version_deleted;
