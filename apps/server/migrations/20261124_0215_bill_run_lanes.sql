-- A bill run on PostgreSQL works its scope in parallel lanes (contiguous account-id ranges), so the
-- database uses more than one core while the process prices the next batch. Each lane keeps its own
-- keyset cursor, advanced in the same transaction as that lane's bills: a run killed mid-way resumes every
-- lane where it stopped. A lane's batch locks only its lane row; lanes meet only on the run's counters.
CREATE TABLE bill_run_lanes (
  run_id             bigint NOT NULL REFERENCES bill_runs(id) ON DELETE CASCADE,
  lane               smallint NOT NULL,
  -- Accounts with lo_id < id <= hi_id; cursor_account_id starts at lo_id.
  lo_id              bigint NOT NULL,
  hi_id              bigint NOT NULL,
  cursor_account_id  bigint NOT NULL,
  done               boolean NOT NULL DEFAULT false,
  PRIMARY KEY (run_id, lane)
);
ALTER TABLE bill_runs ADD COLUMN lanes smallint NOT NULL DEFAULT 1 CHECK (lanes BETWEEN 1 AND 16);
ALTER TABLE bill_runs DROP COLUMN cursor_account_id;
