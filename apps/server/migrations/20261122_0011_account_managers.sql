-- Account managers: open visit plans per customer, behind "next visit due" and the overdue flag in the
-- manager's workspace. (The "needs a manager, has none" list uses customers_unassigned_idx of 0010.)
CREATE INDEX visit_plans_customer_open_idx ON visit_plans(customer_id, due_date) WHERE status = 'planned';
