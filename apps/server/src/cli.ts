// gridcare migrate | seed [--customers N] [--orders M [--open K]] [--reading-months R] [--reset]
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { loadConfig } from './platform/config';
import { openDatabase } from './platform/db/db';
import { migrate } from './platform/db/migrate';
import { seedOrganisation } from '../seed/org-seed';
import { generateCustomers, generateWorkOrders } from '../seed/generate';
import { ringFromCli } from './modules/telephony/softphone-cli';
import { billRunFromCli } from './modules/billing/bill-run.cli';
import { generateReadings } from '../seed/generator/readings';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'telephony:ring') return ringFromCli(args); // over HTTP to a running server: no database
  const config = loadConfig();
  mkdirSync(config.dataDir, { recursive: true });
  const db = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'pgdata') });
  try {
    if (command === 'migrate') {
      const r = await migrate(db);
      console.log(`applied ${r.applied.length} migration(s); now at ${r.version}`);
    } else if (command === 'seed') {
      if (args.includes('--reset')) {
        await db.exec(
          'DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS pgboss CASCADE;',
        );
      }
      await migrate(db);
      const customers = Number(flag(args, 'customers') ?? 5000);
      const orders = Number(flag(args, 'orders') ?? 0);
      const open = Number(flag(args, 'open') ?? Math.round(orders / 10));
      const seed = Number(flag(args, 'seed') ?? 42);
      const started = Date.now();
      const existing = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM org_units');
      // Work orders alone may be added to a database that already has its customers.
      // --reading-months N: register readings of every meter for the last N months (after the customers).
      const readingMonths = Number(flag(args, 'reading-months') ?? 0);
      const ordersOnly =
        existing.rows[0].n > 0 && flag(args, 'customers') === undefined && orders + open + readingMonths > 0;
      if (existing.rows[0].n > 0 && !ordersOnly)
        throw new Error(
          'database already has data; add --reset to start over (or only --orders M to add orders)',
        );
      if (!ordersOnly) {
        const org = await seedOrganisation(db);
        await generateCustomers(db, org, { customers, seed, log: console.log });
        console.log(`seeded ${customers} customers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      if (readingMonths > 0) {
        const n = await generateReadings(db, { months: readingMonths, seed, log: console.log });
        console.log(`generated ${n} meter readings (${readingMonths} months)`);
      }
      if (orders > 0 || open > 0) {
        const r = await generateWorkOrders(db, { historical: orders, open, seed, log: console.log });
        console.log(
          `generated ${r.historical} historical and ${r.open} open work orders in ${r.seconds.toFixed(1)} s`,
        );
      }
    } else if (command === 'bill-run') {
      await billRunFromCli(db, args);
    } else {
      console.log(
        'usage: npm run cli -- migrate | seed [--customers N] [--orders M [--open K]] [--reading-months R] [--seed S] [--reset]',
      );
      process.exitCode = 2;
    }
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
