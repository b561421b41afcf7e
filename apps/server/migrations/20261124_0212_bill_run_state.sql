-- What a bill run needs beyond the shared bills schema (20261124_0210):
-- * bill_runs.cursor_account_id: the keyset cursor, advanced in the same transaction as each batch's bills,
--   so a run killed mid-way continues where it stopped (and ON CONFLICT on the live-bill index makes a
--   repeated batch harmless).
-- * the issue date and due-date rule the run used (domain.md §10: due 15 days after issue by default).
-- * skip reasons: accounts without readings, accounts already billed for the period, accounts the tariff
--   engine refused (the first few with their reason, for the clerk to look at).
ALTER TABLE bill_runs
  ADD COLUMN cursor_account_id   bigint NOT NULL DEFAULT 0,
  ADD COLUMN issue_date          date,
  ADD COLUMN due_days            integer NOT NULL DEFAULT 15 CHECK (due_days BETWEEN 0 AND 90),
  ADD COLUMN tariff_version_id   bigint REFERENCES tariff_versions(id),
  ADD COLUMN skipped_no_readings integer NOT NULL DEFAULT 0,
  ADD COLUMN skipped_existing    integer NOT NULL DEFAULT 0,
  ADD COLUMN skipped_errors      integer NOT NULL DEFAULT 0,
  ADD COLUMN estimated_readings  integer NOT NULL DEFAULT 0,
  ADD COLUMN issues              jsonb NOT NULL DEFAULT '[]'::jsonb,
  ADD COLUMN batch_size          integer NOT NULL DEFAULT 5000;

-- Residential tiers run over an annual cycle (domain.md §9): each bill records the kWh billed so far in
-- the cycle including itself, so the next month's bill reads one row instead of summing the year.
ALTER TABLE bills ADD COLUMN cycle_kwh numeric(16,2);

-- Per-account billing facts the archive does not hold (residential household size, low-income relief,
-- the tier cycle; contract demand for demand-billed large industry). An account without a row uses the
-- defaults: one household of fewer than 5 people, no relief, annual cycle, contract demand = 40 % rule.
CREATE TABLE account_billing_facts (
  account_id          bigint PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  org_unit_id         bigint NOT NULL,
  household_size      integer CHECK (household_size BETWEEN 1 AND 50),
  low_income          boolean NOT NULL DEFAULT false,
  tier_cycle          text NOT NULL DEFAULT 'annual' CHECK (tier_cycle IN ('annual','monthly')),
  contract_demand_kw  numeric(12,2),
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);

-- The bill run reads an account's transformers by account for every batch.
CREATE INDEX IF NOT EXISTS transformers_account_idx ON transformers(account_id);
CREATE INDEX bills_org_period_idx ON bills(org_unit_id, period DESC, id DESC);
CREATE INDEX bills_period_idx ON bills(period DESC, id DESC);
