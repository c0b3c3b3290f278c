-- Message ids are identifiers, never sorted for people: byte order ("C") is all they need, and it makes the
-- unique index cheaper to build and to check on every import than the database's linguistic collation.
-- Equality is unchanged (deterministic collations compare equal only identical strings).
alter table message
    alter column network type text collate "C",
    alter column message_id type text collate "C",
    alter column in_reply_to type text collate "C";
