-- The agent's queues sort and filter by "what falls due first". Reading that from the clocks of every
-- candidate order made a queue page cost as much as the queue is long, so each order carries the earliest
-- deadline of its running clocks (next_due_at) and the earliest 80 % instant not yet due (next_warn80_at),
-- kept by statement-level triggers on the clocks, and the queues are index range scans.
ALTER TABLE work_orders ADD COLUMN next_due_at timestamptz, ADD COLUMN next_warn80_at timestamptz;

CREATE FUNCTION work_order_clocks_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE work_orders w
     SET next_due_at = c.due, next_warn80_at = c.warn80
    FROM (SELECT n.order_id,
                 (SELECT min(k.due_at) FROM work_order_clocks k
                   WHERE k.order_id = n.order_id AND k.stopped_at IS NULL) AS due,
                 (SELECT min(k.warn80_at) FROM work_order_clocks k
                   WHERE k.order_id = n.order_id AND k.stopped_at IS NULL) AS warn80
            FROM (SELECT DISTINCT order_id FROM changed_clocks) n) c
   WHERE w.id = c.order_id
     AND (w.next_due_at IS DISTINCT FROM c.due OR w.next_warn80_at IS DISTINCT FROM c.warn80);
  RETURN NULL;
END $$;

CREATE TRIGGER work_order_clocks_sync_insert AFTER INSERT ON work_order_clocks
  REFERENCING NEW TABLE AS changed_clocks FOR EACH STATEMENT EXECUTE FUNCTION work_order_clocks_sync();
CREATE TRIGGER work_order_clocks_sync_update AFTER UPDATE ON work_order_clocks
  REFERENCING NEW TABLE AS changed_clocks FOR EACH STATEMENT EXECUTE FUNCTION work_order_clocks_sync();

UPDATE work_orders w
   SET next_due_at = (SELECT min(k.due_at) FROM work_order_clocks k WHERE k.order_id = w.id AND k.stopped_at IS NULL),
       next_warn80_at = (SELECT min(k.warn80_at) FROM work_order_clocks k WHERE k.order_id = w.id AND k.stopped_at IS NULL)
 WHERE w.status NOT IN ('closed','merged');

CREATE INDEX work_orders_team_due_idx ON work_orders(assigned_unit_id, next_due_at) WHERE status NOT IN ('closed','merged');
CREATE INDEX work_orders_handler_due_idx ON work_orders(handler_id, next_due_at) WHERE status NOT IN ('closed','merged');
CREATE INDEX work_orders_creator_due_idx ON work_orders(created_by, next_due_at) WHERE status IN ('accepted','replied');
CREATE INDEX work_orders_open_due_idx ON work_orders(next_due_at) WHERE status NOT IN ('closed','merged');
CREATE INDEX work_orders_open_warn80_idx ON work_orders(next_warn80_at) WHERE status NOT IN ('closed','merged');
CREATE INDEX work_orders_awaiting_visit_idx ON work_orders(next_due_at) WHERE status = 'replied' AND return_visit_required;
