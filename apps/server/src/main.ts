// `npm start`: migrate, seed the demo company if the database is empty, start jobs, serve web + API.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './app';
import { loadConfig } from './platform/config';
import { openDatabase } from './platform/db/db';
import { migrate } from './platform/db/migrate';
import { startJobs } from './platform/jobs/jobs';
import { JOB_DEFINITIONS } from './modules/jobs';
import { startNotifications } from './modules/notifications/notifications.runtime';
import { startPaymentGateway } from './modules/payments/payments.runtime';
import { seedDemoIfEmpty, printDemoLogins } from '../seed/demo';

async function main() {
  const config = loadConfig();
  mkdirSync(config.dataDir, { recursive: true });
  const db = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'pgdata') });
  const { version } = await migrate(db);
  console.log(`database: ${db.kind}, migration ${version}`);
  await seedDemoIfEmpty(db, { customers: Number(process.env.GRIDCARE_DEMO_CUSTOMERS ?? 5000) });
  const jobs = await startJobs(db, {
    databaseUrl: config.databaseUrl,
    definitions: JOB_DEFINITIONS,
    work: config.workers,
    onError: (e) => console.error('job error', e),
  });
  const notifications = await startNotifications(db, {
    workers: config.workers,
    onError: (e) => console.error('notification delivery error', e),
  });
  const payments = await startPaymentGateway();
  const app = await buildApp({
    db,
    jobs,
    webDist: config.webDist,
    logLevel: config.logLevel,
    secureCookies: config.secureCookies,
    dataDir: config.dataDir,
  });
  await app.listen({ port: config.port, host: config.host });
  console.log(`GridCare is running on http://localhost:${config.port}  (API docs: /api/docs)`);
  for (const line of notifications.banner) console.log(line);
  for (const line of payments.banner) console.log(line);
  printDemoLogins();
  const shutdown = async () => {
    await app.close();
    await notifications.stop();
    await payments.stop();
    await jobs.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
