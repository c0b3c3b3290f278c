-- Late parents (METRICS.md §1) only ever look for replies whose parent is not in the data yet. Indexing just
-- those keeps the index tiny instead of one entry per reply, which bulk imports pay for on every row.
drop index message_parent_lookup;
create index message_waiting_for_parent on message (network, in_reply_to)
    where in_reply_to is not null and parent_id is null;
