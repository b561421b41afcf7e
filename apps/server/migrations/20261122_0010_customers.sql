-- Customer archive API: indexes behind the list filters and the one search box at 1M customers.

-- Name starts-with (the second rank of the search box), independent of the database collation.
CREATE INDEX customers_name_prefix_idx ON customers (lower(name) text_pattern_ops);

-- List filters, each in id order so a page is a short index range scan. org_unit_id rides along
-- (INCLUDE) so the scope filter and the capped count are answered from the index alone.
CREATE INDEX customers_class_idx ON customers (customer_class, id) INCLUDE (org_unit_id);
CREATE INDEX customers_tier_idx ON customers (importance_tier, id) INCLUDE (org_unit_id);
CREATE INDEX customers_industry_idx ON customers (industry_code, id) INCLUDE (org_unit_id) WHERE industry_code IS NOT NULL;
CREATE INDEX customers_vip_idx ON customers (id) INCLUDE (org_unit_id) WHERE vip;

-- Customers that must have an account manager but have none (domain.md §3; requiresAccountManager).
-- The predicate is repeated verbatim in customer-search.repository.ts so the planner can use it.
CREATE INDEX customers_unassigned_idx ON customers (id) INCLUDE (org_unit_id)
  WHERE account_manager_id IS NULL AND (importance_tier IN ('important','key') OR vip
    OR customer_class IN ('hv','large_industry'));

-- Landline lookups on contacts (mobiles already have contacts_mobile_idx).
CREATE INDEX contacts_phone_idx ON contacts (phone) WHERE phone IS NOT NULL;

-- Topology lists are scoped by org unit.
CREATE INDEX substations_org_idx ON substations (org_unit_id);
CREATE INDEX feeders_org_idx ON feeders (org_unit_id);
CREATE INDEX transformer_areas_org_idx ON transformer_areas (org_unit_id);
