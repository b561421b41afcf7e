// All benchmarks, PostgreSQL and PGlite side by side; each prints a ratio against a baseline measured
// in the same run. Usage (from the repository root):
//   npm run bench -- [--customers 1000000] [--pglite-customers 100000] [--duration 10]
//                    [--skip-generate] [--only generator,search,customer360,import,workorders]
//                    [--kinds postgres,pglite] [--json results.json]
//                    [--orders 1000000] [--pglite-orders 100000] [--open-orders 100000]
//   (work orders are generated into each freshly generated database when `workorders` runs; the
//    options of bench/src/workorders.bench.ts — --intake-duration, --sms, … — apply too)
// Databases: PostgreSQL `gc_bench` (created next to BENCH_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/postgres) and PGlite in /tmp/gc_bench_pglite.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { benchGenerator, printGenerator, type GeneratorResult } from './generator.bench';
import { benchSearch, printSearch, type SearchRow } from './search.bench';
import { benchCustomer360, printCustomer360, type Customer360Result } from './customer360.bench';
import {
  benchWorkOrders,
  generateBenchOrders,
  printWorkOrders,
  workOrderOptionsFromArgs,
  type WorkOrderBenchResult,
} from './workorders.bench';
import { arg, flag } from './lib/stats';
import type { Target } from './lib/target';

const only = new Set((arg('only', 'generator,search,customer360,import') ?? '').split(','));
const kinds = (arg('kinds', 'postgres,pglite') ?? '').split(',') as Target['kind'][];
const durationSeconds = Number(arg('duration', '10'));
const customers = {
  postgres: Number(arg('customers', '1000000')),
  pglite: Number(arg('pglite-customers', '100000')),
};
const targets: Record<Target['kind'], Target> = {
  postgres: { kind: 'postgres', where: arg('pg-database', 'gc_bench')! },
  pglite: { kind: 'pglite', where: arg('pglite-dir', '/tmp/gc_bench_pglite')! },
};

const results: {
  machine: string;
  at: string;
  generator: GeneratorResult[];
  search: Record<string, SearchRow[]>;
  customer360: Record<string, Customer360Result>;
  import: unknown;
  workorders: Record<string, WorkOrderBenchResult & { generatedSeconds?: number }>;
} = {
  machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0]?.model ?? ''}`,
  at: new Date().toISOString(),
  generator: [],
  search: {},
  customer360: {},
  import: null,
  workorders: {},
};
console.log(
  `GridCare benchmarks — ${results.machine}; load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);

// a. Demo-data generator (also builds the databases the HTTP benchmarks read).
const orderCounts = {
  postgres: { historical: Number(arg('orders', '1000000')), open: Number(arg('open-orders', '100000')) },
  pglite: { historical: Number(arg('pglite-orders', '100000')), open: Number(arg('open-orders', '100000')) },
};
const generatedOrders: Partial<Record<Target['kind'], number>> = {};
if (only.has('generator') && !flag('skip-generate')) {
  for (const kind of kinds) {
    const r = await benchGenerator({ ...targets[kind], customers: customers[kind] });
    printGenerator(r);
    results.generator.push(r);
    // e. needs the service centre's orders in the fresh database.
    if (only.has('workorders'))
      generatedOrders[kind] = await generateBenchOrders(targets[kind], orderCounts[kind]);
  }
}

// b. Search over HTTP, per query kind, against the raw SQL lookup.
if (only.has('search')) {
  for (const kind of kinds) {
    const rows = await benchSearch({ ...targets[kind], durationSeconds });
    printSearch(kind, rows);
    results.search[kind] = rows;
  }
}

// c. Customer 360 over HTTP, against one raw SQL statement reading the same parts.
if (only.has('customer360')) {
  for (const kind of kinds) {
    const r = await benchCustomer360({ ...targets[kind], durationSeconds });
    printCustomer360(kind, r);
    results.customer360[kind] = r;
  }
}

// d. Import benchmark — written by the lead: add bench/src/import.bench.ts exporting
//    benchImport(target) and printImport(kind, result), and call it here for each kind.
if (only.has('import')) {
  results.import = await (await import('./import.bench')).runImportBenchmarks(kinds, customers);
}

// e. Service centre: order intake, queue pages, SLA sweep and SMS delivery over the generated orders.
if (only.has('workorders')) {
  for (const kind of kinds) {
    const r = await benchWorkOrders(workOrderOptionsFromArgs(kind, targets[kind].where));
    printWorkOrders(r);
    results.workorders[kind] = { ...r, generatedSeconds: generatedOrders[kind] };
  }
}

for (const kind of kinds) {
  if (!results.generator.some((g) => g.kind === kind) && (only.has('search') || only.has('customer360'))) {
    console.log(`(${kind}: HTTP benchmarks ran on the existing database ${targets[kind].where})`);
  }
}
const json = arg('json');
if (json) writeFileSync(json, JSON.stringify(results, null, 2));
process.exit(0);
