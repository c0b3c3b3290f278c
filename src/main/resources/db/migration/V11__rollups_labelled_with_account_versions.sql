-- A rollup is current while the data versions of its accounts (V10) are what they were when it was computed;
-- they replace the count of imports (any import made every rollup stale) and the hash of account settings.
delete from metric_rollup;
delete from rollup_state;
alter table rollup_state
    drop column revision,
    drop column accounts_hash,
    add column data_versions text not null;
