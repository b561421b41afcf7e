-- A department's "all orders" page reads the newest orders assigned to its units and those its handler
-- worked, each from its own index by acceptance time (the open-only assigned index served nothing).
DROP INDEX IF EXISTS work_orders_assigned_idx;
CREATE INDEX work_orders_assigned_accepted_idx ON work_orders(assigned_unit_id, accepted_at DESC);
CREATE INDEX work_orders_handler_accepted_idx ON work_orders(handler_id, accepted_at DESC)
  WHERE handler_id IS NOT NULL;
