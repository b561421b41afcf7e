-- Case numbers from a sequence instead of a daily counter row: every order creation updated the same
-- counter row and held its lock to the end of the transaction, so intake could not run in parallel.
-- The number is still GD + the local date of acceptance + a serial (now company-wide, 8 digits).
CREATE SEQUENCE work_order_case_seq;
SELECT setval('work_order_case_seq', greatest(1, (SELECT count(*) FROM work_orders)), (SELECT count(*) FROM work_orders) > 0);
DROP TABLE work_order_case_counters;
