-- A bill's replacement (re-bill) is looked up by supersedes_id on every bill detail view, and the
-- self-referencing foreign key checks it on every bill delete; without an index both scan all bills.
CREATE INDEX bills_supersedes_idx ON bills(supersedes_id) WHERE supersedes_id IS NOT NULL;
-- The bill list filters by org scope and period; bills_period_idx serves both (scope is a filter on a
-- period's rows), so the org-first index is not worth its cost on every bill a run writes.
DROP INDEX IF EXISTS bills_org_period_idx;
