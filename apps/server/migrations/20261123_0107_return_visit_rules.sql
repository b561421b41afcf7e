-- Return visits are required for a type exactly when a return_visit time-limit rule applies to it, so the
-- requirement is part of the versioned, admin-editable time-limit table (S001, S002: 100 % for fault
-- repair, new connections and complaints). The default version gets one typed rule per visit type.
DELETE FROM time_limit_rules WHERE version_id = 1 AND kind = 'return_visit' AND type IS NULL;
INSERT INTO time_limit_rules(version_id, kind, type, amount, unit) VALUES
  (1, 'return_visit', 'fault_repair', 2, 'working_days'),
  (1, 'return_visit', 'complaint', 2, 'working_days'),
  (1, 'return_visit', 'application', 2, 'working_days');
