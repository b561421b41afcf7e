// Demo data for `npm start`: the organisation, logins, a generated customer base and their work orders
// (a year of finished ones for the reports, and open ones in every status for the queues).
import type { Db } from '../src/platform/db/db';
import { DEMO_LOGINS, DEMO_PASSWORD, seedOrganisation } from './org-seed';
import { generateCustomers, generateWorkOrders } from './generate';
import { seedBills } from './billing-seed';
import { seedReadings } from './generator/readings';
import { seedPayments } from './payments-seed';

export async function seedDemoIfEmpty(db: Db, opts: { customers: number }): Promise<boolean> {
  const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM org_units');
  if (r.rows[0].n > 0) return false;
  const started = Date.now();
  console.log(`seeding the demo company with ${opts.customers} customers…`);
  const org = await seedOrganisation(db);
  await generateCustomers(db, org, { customers: opts.customers, seed: 42 });
  await generateWorkOrders(db, {
    historical: Math.round(opts.customers * 0.08),
    open: Math.max(40, Math.round(opts.customers * 0.03)),
    seed: 42,
    months: 12,
  });
  // Meter readings of the last 12 months, ending with the previous month.
  await seedReadings(db, { months: 12 });
  // Bills for the readings of the last 12 months (after the metering seed, before the payments seed).
  await seedBills(db, { months: 12 });
  // Payments for most of those bills; some accounts left in arrears, a few prepaid, one disconnection case.
  await seedPayments(db);
  console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

export function printDemoLogins() {
  console.log(`\nDemo logins (password ${DEMO_PASSWORD}):`);
  for (const l of DEMO_LOGINS) console.log(`  ${l.username.padEnd(11)} ${l.zh}`);
}
