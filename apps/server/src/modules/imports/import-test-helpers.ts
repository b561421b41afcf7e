// Shared steps of the import tests: topology to refer to, upload, polling a job to a final state.
import { expect } from 'vitest';
import type { Harness } from '../../test/harness';
import { multipart } from './import-test-fixtures';

export async function seedTopology(h: Harness, suffix: string): Promise<void> {
  const org = h.org.officeIds[0];
  const sub = await h.db.query<{ id: number }>(
    `INSERT INTO substations(org_unit_id, code, name) VALUES ($1, $2, '测试变电站') RETURNING id`,
    [org, `SUB-${suffix}`],
  );
  const feeder = await h.db.query<{ id: number }>(
    `INSERT INTO feeders(org_unit_id, substation_id, code, name) VALUES ($1, $2, $3, '测试线路') RETURNING id`,
    [org, sub.rows[0].id, `F-${suffix}`],
  );
  await h.db.query(
    `INSERT INTO transformer_areas(org_unit_id, feeder_id, code, name) VALUES ($1, $2, $3, '测试台区')`,
    [org, feeder.rows[0].id, `TA-${suffix}`],
  );
}

export async function upload(
  h: Harness,
  user: string,
  fileName: string,
  content: Buffer,
  headers: Record<string, string> = {},
) {
  const cookie = await h.loginAs(user);
  const mp = multipart(fileName, content);
  return h.api(cookie, 'POST', '/api/imports', mp.body, { ...mp.headers, ...headers });
}

export interface JobView {
  id: number;
  status: string;
  totalRows: number;
  validRows: number;
  errorRows: number;
  importedRows: number;
  progress: number;
  mode: string | null;
  message: string | null;
}

/** Polls the job until it leaves the working states (validating, importing). */
export async function settle(h: Harness, user: string, id: number, timeoutMs = 60_000): Promise<JobView> {
  const cookie = await h.loginAs(user);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await h.api(cookie, 'GET', `/api/imports/${id}`);
    expect(res.statusCode).toBe(200);
    const job = res.json() as JobView;
    if (job.status !== 'validating' && job.status !== 'importing') return job;
    if (Date.now() > until) throw new Error(`import ${id} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function uploadAndValidate(
  h: Harness,
  user: string,
  fileName: string,
  content: Buffer,
): Promise<JobView> {
  const res = await upload(h, user, fileName, content);
  expect(res.statusCode, res.body).toBe(202);
  return settle(h, user, (res.json() as { job: JobView }).job.id);
}

export async function commit(h: Harness, user: string, id: number, mode: string) {
  return h.api(await h.loginAs(user), 'POST', `/api/imports/${id}/commit`, { mode });
}

export async function errorsOf(
  h: Harness,
  user: string,
  id: number,
): Promise<{ rowNo: number; field: string; message: string; value: string | null }[]> {
  const res = await h.api(await h.loginAs(user), 'GET', `/api/imports/${id}/errors?pageSize=200`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

export async function count(h: Harness, sql: string, params: unknown[] = []): Promise<number> {
  const r = await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return r.rows[0].n;
}
