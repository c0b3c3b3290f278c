-- A bulk import adds the person days of its new messages itself, in one sorted insert with person_day's
-- indexes dropped and built again like message's (MessageLoad): inside V12's insert trigger, aggregating the
-- transition table of a million rows and upserting the days through both indexes took 7-11 s per million rows.
-- The import says so with a transaction-local setting around its insert of new messages; updates and deletes,
-- and inserts by any other writer, keep V12's triggers as they were.
drop trigger message_person_days_inserted on message;

create trigger message_person_days_inserted after insert on message
    referencing new table as new_rows for each statement
    when (current_setting('rapport.import_adds_person_days', true) is distinct from 'on')
    execute function message_person_days_changed();
