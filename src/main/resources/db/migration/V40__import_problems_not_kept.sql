-- An import keeps its first rejected rows (rapport.ingest.RejectedRows.KEPT) and counts the rest here.
alter table import add column problems_not_kept bigint not null default 0;
