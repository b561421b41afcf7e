// Deterministic demo-data generator: a realistic zh-CN customer base for the demo company
// (topology, customers, contacts, premises, accounts, meters, transformers, account managers and
// their ledger, visit plans and visits). Same seed → same data. Rows are generated in chunks and
// streamed with COPY; a million customers load in well under two minutes on PostgreSQL.
import type { Db } from '../src/platform/db/db';
import type { OrgSeed } from './org-seed';
import { createRng } from './generator/prng';
import { createTopology, type OfficeUnit } from './generator/topology';
import { DISTRICTS_BY_AREA } from './generator/zh-data';
import { CustomerFactory, type IdCursor, type OfficeContext } from './generator/customer-factory';
import { ManagedRows, ManagerPicker, type ManagedCursor } from './generator/managed-customers';
import { createManagers } from './generator/manager-users';
import { CopyLoader } from './generator/copy-loader';
import { dropForBulkLoad, restoreAfterBulkLoad } from './generator/bulk-indexes';
import { emptyChunk, TABLE_ORDER } from './generator/tables';
import type { AreaClass } from './generator/people';

// Work orders for the generated customers (generator/work-orders.ts).
export { generateWorkOrders, type WorkOrderOptions } from './generator/work-orders';

export interface GenerateOptions {
  customers: number;
  seed: number;
  log?: (s: string) => void;
  /** Customers per COPY chunk (memory stays bounded by one or two chunks per table). */
  chunkSize?: number;
  /** Drop and re-create secondary indexes and foreign keys around the load; default from 20,000 customers. */
  bulk?: boolean;
  /** Visit plans are placed relative to this date (default: now). */
  now?: Date;
}

const AREA_WEIGHT: Record<AreaClass, number> = { urban: 3, rural: 2, remote: 1.2 };
/** Share of customers that require an account manager (important, key, VIP, HV) with the mix used. */
const MANAGED_SHARE = 0.04;
/** The demo 'manager' logins get about this many customers ("My customers" has content). */
const DEMO_MANAGER_TARGET = 45;
const DEMO_MANAGER_CAP = 60;

async function loadOffices(db: Db, org: OrgSeed): Promise<OfficeUnit[]> {
  const r = await db.query<{
    id: number;
    code: string;
    name: string;
    area_class: AreaClass | null;
    branch_id: number;
    branch_code: string;
  }>(
    `SELECT o.id, o.code, o.name, o.area_class, b.id AS branch_id, b.code AS branch_code
       FROM org_units o JOIN org_units b ON b.id = o.parent_id
      WHERE o.id = ANY($1::bigint[]) ORDER BY o.id`,
    [org.officeIds],
  );
  return r.rows.map((o) => {
    const area = o.area_class ?? 'urban';
    return {
      id: o.id,
      code: o.code,
      name: o.name,
      branchId: o.branch_id,
      branchCode: o.branch_code,
      area,
      weight: AREA_WEIGHT[area],
    };
  });
}

async function nextIds(db: Db): Promise<IdCursor & ManagedCursor> {
  const max = async (t: string) =>
    (await db.query<{ n: number }>(`SELECT coalesce(max(id), 0)::bigint AS n FROM ${t}`)).rows[0].n + 1;
  const seq = async (s: string) => {
    const r = await db.query<{ last_value: number; is_called: boolean }>(
      `SELECT last_value, is_called FROM ${s}`,
    );
    return r.rows[0].is_called ? r.rows[0].last_value + 1 : r.rows[0].last_value;
  };
  return {
    customer: await max('customers'),
    contact: await max('contacts'),
    premise: await max('premises'),
    account: await max('accounts'),
    meter: await max('meters'),
    transformer: await max('transformers'),
    customerNo: await seq('customer_no_seq'),
    accountNo: await seq('account_no_seq'),
    assignment: await max('manager_assignments'),
    ledger: await max('ledger_entries'),
    plan: await max('visit_plans'),
    visit: await max('visits'),
    timeline: await max('timeline_events'),
  };
}

async function advanceSequences(db: Db, start: IdCursor, end: IdCursor): Promise<void> {
  for (const t of TABLE_ORDER) {
    await db.query(
      `SELECT setval(pg_get_serial_sequence('${t}', 'id'), max(id)) FROM ${t} HAVING max(id) IS NOT NULL`,
    );
  }
  if (end.customerNo > start.customerNo)
    await db.query(`SELECT setval('customer_no_seq', $1)`, [end.customerNo - 1]);
  if (end.accountNo > start.accountNo)
    await db.query(`SELECT setval('account_no_seq', $1)`, [end.accountNo - 1]);
}

export async function generateCustomers(db: Db, org: OrgSeed, opts: GenerateOptions): Promise<void> {
  const log = opts.log ?? (() => undefined);
  const started = Date.now();
  const total = Math.max(0, Math.floor(opts.customers));
  const offices = await loadOffices(db, org);
  const weightSum = offices.reduce((s, o) => s + o.weight, 0);
  const share = (o: OfficeUnit) => o.weight / weightSum;

  const managers = await createManagers(db, org, offices, createRng(opts.seed + 1));
  const topology = await createTopology(
    db,
    createRng(opts.seed + 2),
    offices,
    (o) => total * 0.97 * share(o),
  );
  const demo = new Map<number, { ref: { id: number; name: string }; p: number; cap: number }>();
  for (const [branchId, ref] of managers.demo) {
    const branchShare = offices.filter((o) => o.branchId === branchId).reduce((s, o) => s + share(o), 0);
    const expected = Math.max(1, total * branchShare * MANAGED_SHARE);
    demo.set(branchId, { ref, p: Math.min(1, DEMO_MANAGER_TARGET / expected), cap: DEMO_MANAGER_CAP });
  }

  const contexts: OfficeContext[] = offices.map((unit, i) => {
    const districts = DISTRICTS_BY_AREA[unit.area];
    const sameArea = offices.filter((o) => o.area === unit.area);
    return {
      unit,
      topology: topology.get(unit.id)!,
      districts,
      homeDistrict: districts[sameArea.indexOf(unit) % districts.length] ?? districts[i % districts.length],
    };
  });
  const start = await nextIds(db);
  const cursor = { ...start };
  const factory = new CustomerFactory(
    createRng(opts.seed),
    opts.seed,
    contexts,
    cursor,
    new ManagerPicker(managers.byOffice, demo),
    new ManagedRows(
      opts.seed,
      cursor,
      org.userIds.admin ?? managers.byOffice.values().next().value!.id,
      opts.now ?? new Date(),
    ),
  );

  const bulk = opts.bulk ?? total >= 20_000;
  const chunkSize = opts.chunkSize ?? (db.kind === 'postgres' ? 20_000 : 10_000);
  const dropped = bulk ? await dropForBulkLoad(db) : null;
  let failed = false;
  try {
    const loader = await CopyLoader.open(db, bulk);
    try {
      let lastLog = 0;
      const chunk = emptyChunk();
      for (let done = 0; done < total;) {
        const n = Math.min(chunkSize, total - done);
        for (let k = 0; k < n; k++) factory.build(chunk);
        await loader.load(chunk);
        done += n;
        if (done - lastLog >= 100_000 || done === total) {
          lastLog = done;
          const s = (Date.now() - started) / 1000;
          log(
            `  ${done.toLocaleString('en')} customers generated (${Math.round(done / s).toLocaleString('en')}/s)`,
          );
        }
      }
      await loader.finish();
    } finally {
      loader.release();
    }
    log(`  rows loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    if (dropped) {
      const t = Date.now();
      await restoreAfterBulkLoad(db, dropped, log).catch((e) => {
        if (!failed) throw e;
        log(
          `could not restore indexes/foreign keys after a failed load: ${e instanceof Error ? e.message : e}`,
        );
      });
      log(`  indexes and foreign keys re-created in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
  }
  await advanceSequences(db, start, cursor);
  const t = Date.now();
  // VACUUM also fills the visibility map, so index-only scans (list counts) work from the start.
  await db.exec('VACUUM (ANALYZE)');
  log(
    `  analyzed in ${((Date.now() - t) / 1000).toFixed(1)} s; ${total.toLocaleString('en')} customers in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
