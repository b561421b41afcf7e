// Closed-loop load: autocannon against the HTTP API, and the same concurrency of raw SQL queries
// straight at the database (the baseline). Both collect every latency, for exact p50/p95/p99.
import autocannon from 'autocannon';
import type { Db } from '../../../apps/server/src/platform/db/db';
import { latency, type Latency } from './stats';

export interface HttpLoad {
  baseUrl: string;
  cookie: string;
  /** Paths to request, taken round-robin. */
  paths: string[];
  connections: number;
  durationSeconds: number;
}

export interface HttpResult extends Latency {
  requestsPerSecond: number;
  errors: number;
  non2xx: number;
}

export async function httpLoad(o: HttpLoad): Promise<HttpResult> {
  let next = 0;
  const samples: number[] = [];
  let finish: (r: autocannon.Result) => void = () => undefined;
  let fail: (e: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: o.baseUrl,
      connections: o.connections,
      duration: o.durationSeconds,
      headers: { cookie: o.cookie },
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => ({ ...req, path: o.paths[next++ % o.paths.length] }),
        },
      ],
    },
    (err, result) => (err ? fail(err) : finish(result)),
  );
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    samples.push(responseTime);
  });
  const result = await done;
  return {
    ...latency(samples),
    requestsPerSecond: result.requests.average,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Runs `query(i)` from `concurrency` workers for `durationSeconds`, timing each call. */
export async function sqlLoad(
  run: (i: number) => Promise<unknown>,
  concurrency: number,
  durationSeconds: number,
): Promise<Latency & { queriesPerSecond: number }> {
  const samples: number[] = [];
  const until = Date.now() + durationSeconds * 1000;
  let i = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const t = process.hrtime.bigint();
        await run(i++);
        samples.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  return { ...latency(samples), queriesPerSecond: samples.length / ((Date.now() - started) / 1000) };
}

/** A short warm-up so the first measured requests do not pay for cold caches and JIT. */
export async function warmUp(db: Db | null, http: HttpLoad | null): Promise<void> {
  if (http) await httpLoad({ ...http, durationSeconds: 2 });
  void db;
}
