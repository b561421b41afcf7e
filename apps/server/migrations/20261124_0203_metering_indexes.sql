-- Nothing reads meter_readings by intake batch (the batch row keeps the counts); one index less to
-- maintain on every reading written.
DROP INDEX IF EXISTS meter_readings_batch_idx;
