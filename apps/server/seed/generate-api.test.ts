// Generated data must be data the API can serve: every customer's 360 view, parts, ledger, visits
// and the managers' workspaces answer 200 and match their response schemas.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../src/test/harness';
import { generateCustomers } from './generate';

describeEachDatabase('generated demo data through the API', (h) => {
  let ids: number[] = [];

  beforeAll(async () => {
    await generateCustomers(h().db, h().org, { customers: 400, seed: 11 });
    // Every class, every tier, VIPs, managed and unassigned customers, price splits and transformers.
    const r = await h().db.query<{ id: number }>(
      `SELECT DISTINCT ON (customer_class, importance_tier, vip, account_manager_id IS NULL) id FROM customers
       UNION SELECT customer_id FROM meters WHERE price_split IS NOT NULL
       UNION SELECT customer_id FROM transformers
       UNION (SELECT id FROM customers ORDER BY id LIMIT 40)`,
    );
    ids = r.rows.map((x) => x.id);
  });

  it('serves every sampled customer through the customer and manager endpoints', async () => {
    const admin = await h().loginAs('admin');
    const failures: string[] = [];
    for (const id of ids) {
      for (const path of ['', '/overview', '/timeline', '/ledger', '/visits', '/manager-history']) {
        const res = await h().api(admin, 'GET', `/api/customers/${id}${path}`);
        if (res.statusCode !== 200)
          failures.push(`${path || '/'} ${id}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('serves the lists and the demo manager workspace', async () => {
    const admin = await h().loginAs('admin');
    const manager = await h().loginAs('manager');
    const checks: [string, string][] = [
      [admin, '/api/customers?pageSize=50'],
      [admin, '/api/customers?q=%E5%85%AB%E4%B8%80%E5%A4%A7%E9%81%93&pageSize=20'],
      [admin, '/api/manager-assignments/unassigned'],
      [admin, '/api/managers'],
      [admin, '/api/visit-plans/overdue'],
      [manager, '/api/my/customers'],
      [manager, '/api/my/summary'],
      [manager, '/api/visit-plans'],
    ];
    for (const [cookie, url] of checks) {
      const res = await h().api(cookie, 'GET', url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    }
    const mine = await h().api(manager, 'GET', '/api/my/customers');
    expect(JSON.stringify(mine.json()).length).toBeGreaterThan(100);
  });
});
