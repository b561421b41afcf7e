// gridcare migrate | seed [--customers N] [--reset]
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { loadConfig } from './platform/config';
import { openDatabase } from './platform/db/db';
import { migrate } from './platform/db/migrate';
import { seedOrganisation } from '../seed/org-seed';
import { generateCustomers } from '../seed/generate';
import { ringFromCli } from './modules/telephony/softphone-cli';

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
      const started = Date.now();
      const existing = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM org_units');
      if (existing.rows[0].n > 0) throw new Error('database already has data; add --reset to start over');
      const org = await seedOrganisation(db);
      await generateCustomers(db, org, {
        customers,
        seed: Number(flag(args, 'seed') ?? 42),
        log: console.log,
      });
      console.log(`seeded ${customers} customers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } else {
      console.log('usage: npm run cli -- migrate | seed [--customers N] [--seed S] [--reset]');
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
