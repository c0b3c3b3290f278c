-- A person's profile and erasure find their messages, and the brand's replies to them, without reading every
-- message. Bulk imports drop and rebuild these with the others (IngestSql.DROP/CREATE_MESSAGE_INDEXES).
create index message_person on message (person_id) where person_id is not null;
create index message_parent on message (parent_id) where parent_id is not null;
