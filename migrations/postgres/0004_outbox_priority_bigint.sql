-- Every integer the daemon keeps is a Rust i64, and the store's queries are
-- checked against the column types at compile time: the outbox priority
-- added as INTEGER in 0003 becomes BIGINT like every other integer column.
ALTER TABLE outbox ALTER COLUMN priority TYPE BIGINT;
