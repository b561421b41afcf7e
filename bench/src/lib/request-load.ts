// Closed-loop HTTP load with a request built per call (method, path, headers, body) — for writes such as
// POST /api/workorders with a fresh Idempotency-Key each. Every latency is kept for exact percentiles,
// and answers are counted by status code.
import autocannon from 'autocannon';
import { latency, type Latency } from './stats';

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface RequestLoadResult extends Latency {
  requestsPerSecond: number;
  /** 2xx answers per second over the whole run. */
  okPerSecond: number;
  errors: number;
  non2xx: number;
  statusCounts: Record<string, number>;
  seconds: number;
}

export async function requestLoad(o: {
  baseUrl: string;
  cookie: string;
  next: (i: number) => RequestSpec;
  connections: number;
  durationSeconds: number;
}): Promise<RequestLoadResult> {
  let i = 0;
  const samples: number[] = [];
  const statusCounts: Record<string, number> = {};
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: o.baseUrl,
        connections: o.connections,
        duration: o.durationSeconds,
        headers: { cookie: o.cookie },
        requests: [
          {
            setupRequest: (req) => {
              const spec = o.next(i++);
              return {
                ...req,
                method: spec.method,
                path: spec.path,
                headers: { ...req.headers, cookie: o.cookie, ...(spec.headers ?? {}) },
                body: spec.body,
              };
            },
          },
        ],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    instance.on('response', (_c: unknown, status: number, _bytes: number, ms: number) => {
      samples.push(ms);
      statusCounts[status] = (statusCounts[status] ?? 0) + 1;
    });
  });
  const seconds = (performance.now() - started) / 1000;
  const ok = Object.entries(statusCounts)
    .filter(([s]) => s.startsWith('2'))
    .reduce((n, [, c]) => n + c, 0);
  return {
    ...latency(samples),
    requestsPerSecond: result.requests.average,
    okPerSecond: ok / o.durationSeconds,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statusCounts,
    seconds,
  };
}
