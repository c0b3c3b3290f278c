-- Re-imports: rows whose id was known and whose content is identical are counted apart from real updates,
-- so that the report shows that a re-import changed nothing (issue 13).
alter table import add column unchanged bigint not null default 0;
