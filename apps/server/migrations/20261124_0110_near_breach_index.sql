-- The near-breach queue asks for open orders past 80 % of a running clock and not yet due. The 80 % index
-- alone also returned every order already breached (most of them), each read from the table to test its
-- deadline; carrying the deadline and the id in the index answers the queue from the index alone.
DROP INDEX IF EXISTS work_orders_open_warn80_idx;
CREATE INDEX work_orders_open_warn80_idx ON work_orders(next_warn80_at) INCLUDE (next_due_at, id)
  WHERE status NOT IN ('closed','merged');
