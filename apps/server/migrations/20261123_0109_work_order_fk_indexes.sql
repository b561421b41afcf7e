-- Foreign keys to work_orders without an index made every order page scan the whole table (childrenOf
-- filters on merged_into_id: 178 ms at 1.1M orders) and every delete or merge check each child table.
CREATE INDEX work_orders_merged_into_idx ON work_orders(merged_into_id) WHERE merged_into_id IS NOT NULL;
CREATE INDEX sla_breaches_order_idx ON sla_breaches(order_id);
CREATE INDEX work_order_pauses_order_idx ON work_order_pauses(order_id);
