// The demo-data generator: deterministic, valid identities, a realistic class mix, consistent supply
// data, and account managers for the customers that need one.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isValidCreditCode,
  isValidMobile,
  isValidResidentId,
  LARGE_INDUSTRY_MIN_KVA,
} from '@gridcare/domain';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../src/test/databases';
import type { Db } from '../src/platform/db/db';
import { seedOrganisation, type OrgSeed } from './org-seed';
import { generateCustomers } from './generate';

const CUSTOMERS = 300;

async function digest(db: Db): Promise<string> {
  const r = await db.query<{ line: string }>(
    `SELECT c.customer_no || '|' || c.name || '|' || coalesce(c.cert_no, '') || '|' || c.customer_class || '|' ||
            p.full_address || '|' || coalesce(c.phone, '') AS line
       FROM customers c JOIN premises p ON p.customer_id = c.id ORDER BY c.customer_no`,
  );
  return createHash('sha256')
    .update(r.rows.map((x) => x.line).join('\n'))
    .digest('hex');
}

async function generated(kind: (typeof DATABASE_KINDS)[number], seed: number) {
  const testDb = await createTestDatabase(kind);
  const org = await seedOrganisation(testDb.db);
  await generateCustomers(testDb.db, org, { customers: CUSTOMERS, seed });
  return { testDb, org };
}

describe.each(DATABASE_KINDS)('demo-data generator on %s', (kind) => {
  let first: TestDatabase;
  let org: OrgSeed;
  let db: Db;

  beforeAll(async () => {
    ({ testDb: first, org } = await generated(kind, 7));
    db = first.db;
  });
  afterAll(async () => {
    await first?.destroy();
  });

  it('the same seed generates the same customers', async () => {
    const again = await generated(kind, 7);
    const other = await generated(kind, 8);
    try {
      expect(await digest(again.testDb.db)).toBe(await digest(db));
      expect(await digest(other.testDb.db)).not.toBe(await digest(db));
    } finally {
      await again.testDb.destroy();
      await other.testDb.destroy();
    }
  });

  it('generates the requested number of customers, each with a premise, an account and a meter per account', async () => {
    const r = await db.query<{
      customers: number;
      premises: number;
      without_account: number;
      accounts: number;
      meters: number;
    }>(
      `SELECT (SELECT count(*)::int FROM customers) AS customers,
              (SELECT count(*)::int FROM premises) AS premises,
              (SELECT count(*)::int FROM customers c WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.customer_id = c.id)) AS without_account,
              (SELECT count(*)::int FROM accounts) AS accounts,
              (SELECT count(*)::int FROM meters) AS meters`,
    );
    expect(r.rows[0]).toMatchObject({ customers: CUSTOMERS, premises: CUSTOMERS, without_account: 0 });
    expect(r.rows[0].meters).toBe(r.rows[0].accounts);
  });

  it('every resident ID and unified social credit code passes the validators, and all are unique', async () => {
    const r = await db.query<{ kind: string; cert_type: string; cert_no: string; phone: string }>(
      'SELECT kind, cert_type, cert_no, phone FROM customers',
    );
    for (const c of r.rows) {
      if (c.kind === 'person') {
        expect(c.cert_type).toBe('resident_id');
        expect(isValidResidentId(c.cert_no), c.cert_no).toBe(true);
      } else {
        expect(c.cert_type).toBe('uscc');
        expect(isValidCreditCode(c.cert_no), c.cert_no).toBe(true);
      }
      expect(isValidMobile(c.phone), c.phone).toBe(true);
    }
    expect(new Set(r.rows.map((c) => c.cert_no)).size).toBe(r.rows.length);
  });

  it('the class mix is mostly residential with some LV business and a few HV customers', async () => {
    const r = await db.query<{ customer_class: string; n: number }>(
      'SELECT customer_class, count(*)::int AS n FROM customers GROUP BY 1',
    );
    const n = Object.fromEntries(r.rows.map((x) => [x.customer_class, x.n]));
    expect(n.residential / CUSTOMERS).toBeGreaterThan(0.8);
    expect(n.residential / CUSTOMERS).toBeLessThan(0.95);
    expect(n.lv_non_residential).toBeGreaterThan(10);
    expect((n.hv ?? 0) + (n.large_industry ?? 0)).toBeGreaterThan(0);
    const tiers = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM customers WHERE (customer_class = 'residential') <> (importance_tier = 'residential')`,
    );
    expect(tiers.rows[0].n).toBe(0);
  });

  it('every large-industry customer has at least 315 kVA of transformers, and HV customers less', async () => {
    const r = await db.query<{ customer_class: string; kva: string }>(
      `SELECT c.customer_class, coalesce(sum(t.capacity_kva), 0) AS kva
         FROM customers c LEFT JOIN transformers t ON t.customer_id = c.id
        WHERE c.customer_class IN ('hv', 'large_industry') GROUP BY c.id, c.customer_class`,
    );
    for (const c of r.rows) {
      if (c.customer_class === 'large_industry')
        expect(Number(c.kva)).toBeGreaterThanOrEqual(LARGE_INDUSTRY_MIN_KVA);
      else expect(Number(c.kva)).toBeLessThan(LARGE_INDUSTRY_MIN_KVA);
      expect(Number(c.kva)).toBeGreaterThan(0);
    }
  });

  it('supply terms follow the class: voltage, tariff, power-factor standard and meter multiplier', async () => {
    const r = await db.query<{
      customer_class: string;
      voltage_level: string;
      tariff_category: string;
      pf_standard: string;
      multiplier: string;
    }>(
      `SELECT c.customer_class, a.voltage_level, a.tariff_category, a.pf_standard, m.multiplier
         FROM customers c JOIN accounts a ON a.customer_id = c.id JOIN meters m ON m.account_id = a.id`,
    );
    for (const a of r.rows) {
      if (a.customer_class === 'residential') {
        expect(a).toMatchObject({
          voltage_level: '220V',
          tariff_category: 'residential',
          pf_standard: 'none',
        });
        expect(Number(a.multiplier)).toBe(1);
      }
      if (a.customer_class === 'lv_non_residential') expect(a.voltage_level).toBe('380V');
      if (a.customer_class === 'hv' || a.customer_class === 'large_industry') {
        expect(['10kV', '35kV']).toContain(a.voltage_level);
        expect(Number(a.multiplier)).toBeGreaterThanOrEqual(100);
      }
    }
    const li = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM customers c JOIN accounts a ON a.customer_id = c.id
        WHERE c.customer_class = 'large_industry' AND a.tariff_category = 'large_industry'
          AND (a.pf_standard <> '0.90' OR a.basic_fee_method NOT IN ('capacity','contract_demand','actual_demand'))`,
    );
    expect(li.rows[0].n).toBe(0);
  });

  it('LV premises hang on a transformer area and HV premises on a feeder of the same office', async () => {
    const r = await db.query<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM customers c JOIN premises p ON p.customer_id = c.id
         LEFT JOIN transformer_areas ta ON ta.id = p.transformer_area_id
         LEFT JOIN feeders f ON f.id = p.feeder_id
        WHERE CASE WHEN c.customer_class IN ('hv','large_industry')
                   THEN f.org_unit_id IS DISTINCT FROM c.org_unit_id
                   ELSE ta.org_unit_id IS DISTINCT FROM c.org_unit_id END`,
    );
    expect(r.rows[0].bad).toBe(0);
  });

  it('customers that require a manager have one, except the few left for the unassigned list', async () => {
    const r = await db.query<{ required: number; assigned: number; with_history: number }>(
      `SELECT count(*)::int AS required, count(account_manager_id)::int AS assigned,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM manager_assignments ma
                 WHERE ma.customer_id = c.id AND ma.manager_id = c.account_manager_id AND ma.ended_at IS NULL))::int AS with_history
         FROM customers c
        WHERE importance_tier IN ('important','key') OR vip OR customer_class IN ('hv','large_industry')`,
    );
    const { required, assigned, with_history } = r.rows[0];
    expect(required).toBeGreaterThan(0);
    expect(assigned).toBeGreaterThanOrEqual(Math.floor(required * 0.9));
    expect(with_history).toBe(assigned);
    const mine = await db.query<{ n: number; outside: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE o.parent_id <> $2)::int AS outside
         FROM customers c JOIN org_units o ON o.id = c.org_unit_id WHERE c.account_manager_id = $1`,
      [org.userIds.manager, org.branchIds[0]],
    );
    expect(mine.rows[0].n).toBeGreaterThan(0);
    expect(mine.rows[0].outside).toBe(0);
    const profiles = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM manager_profiles WHERE user_id = ANY($1::bigint[])`,
      [[org.userIds.manager, org.userIds.manager2]],
    );
    expect(profiles.rows[0].n).toBe(2);
  });

  it('managed customers have visit plans for this month or last, with visits for the done ones', async () => {
    const r = await db.query<{ plans: number; done_without_visit: number; visits: number }>(
      `SELECT count(*)::int AS plans,
              count(*) FILTER (WHERE status = 'done' AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.id = vp.visit_id AND v.plan_id = vp.id))::int AS done_without_visit,
              (SELECT count(*)::int FROM visits) AS visits
         FROM visit_plans vp`,
    );
    expect(r.rows[0].plans).toBeGreaterThan(0);
    expect(r.rows[0].done_without_visit).toBe(0);
  });

  it('search_text holds the name, customer number, address and account numbers; phone_last4 the phone end', async () => {
    const r = await db.query<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM customers c JOIN premises p ON p.customer_id = c.id
        WHERE position(lower(p.full_address) IN c.search_text) = 0
           OR position(lower(c.customer_no) IN c.search_text) = 0
           OR position(c.name IN c.search_text) = 0
           OR c.address <> p.full_address
           OR c.phone_last4 <> right(c.phone, 4)
           OR EXISTS (SELECT 1 FROM accounts a WHERE a.customer_id = c.id AND position(a.account_no IN c.search_text) = 0)`,
    );
    expect(r.rows[0].bad).toBe(0);
  });

  it('numbering continues from the sequences afterwards', async () => {
    const r = await db.query<{
      c: string;
      a: string;
      max_c: string;
      max_a: string;
      id: number;
      max_id: number;
    }>(
      `SELECT 'C' || nextval('customer_no_seq') AS c, nextval('account_no_seq')::text AS a,
              (SELECT max(customer_no) FROM customers) AS max_c, (SELECT max(account_no) FROM accounts) AS max_a,
              nextval(pg_get_serial_sequence('customers', 'id'))::int AS id, (SELECT max(id)::int FROM customers) AS max_id`,
    );
    const x = r.rows[0];
    expect(x.c > x.max_c).toBe(true);
    expect(x.a > x.max_a).toBe(true);
    expect(x.id).toBeGreaterThan(x.max_id);
  });
});

describe.each(DATABASE_KINDS)('bulk load path on %s', (kind) => {
  it('drops and re-creates exactly the same indexes and foreign keys', async () => {
    const testDb = await createTestDatabase(kind);
    try {
      const db = testDb.db;
      const schema = async () =>
        (
          await db.query<{ d: string }>(
            `SELECT indexdef AS d FROM pg_indexes WHERE schemaname = current_schema()
             UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated FROM pg_constraint
              WHERE connamespace = current_schema()::regnamespace ORDER BY 1`,
          )
        ).rows.map((r) => r.d);
      const before = await schema();
      const org = await seedOrganisation(db);
      await generateCustomers(db, org, { customers: 500, seed: 3, bulk: true, chunkSize: 150 });
      expect(await schema()).toEqual(before);
      const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM customers');
      expect(r.rows[0].n).toBe(500);
    } finally {
      await testDb.destroy();
    }
  });
});
