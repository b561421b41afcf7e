// Work-order queue pages (GET /api/workorders?queue=…) as the agent, a department handler and the
// supervisor. Baseline, same run and concurrency: the same page through the service function in this
// process (listWorkOrders: its SQL and the mapping, without HTTP, session check and serialisation).
import { WORK_ORDER_QUEUES } from '@gridcare/contracts';
import type { Db } from '../../../apps/server/src/platform/db/db';
import { loadAuthUser } from '../../../apps/server/src/platform/auth/auth.service';
import { listWorkOrders } from '../../../apps/server/src/modules/workorders/workorders.service';
import { httpLoad, sqlLoad, type HttpResult } from './load';
import type { Latency } from './stats';

export const QUEUE_USERS = ['agent', 'ops', 'supervisor'] as const;
export const QUEUES = WORK_ORDER_QUEUES;

export interface QueueRow {
  user: string;
  queue: string;
  total: number;
  http?: HttpResult;
  service: Latency & { queriesPerSecond: number };
}

export const queuePath = (queue: string) => `/api/workorders?queue=${queue}&page=1&pageSize=20`;

/** The in-process baseline of every user × queue (run while no server holds the database). */
export async function queueBaselines(db: Db, connections: number, seconds: number): Promise<QueueRow[]> {
  const out: QueueRow[] = [];
  for (const username of QUEUE_USERS) {
    const u = await db.query<{ id: number; display_name: string; locale: string }>(
      `SELECT id, display_name, locale FROM users WHERE username = $1`,
      [username],
    );
    const user = await loadAuthUser(db, u.rows[0].id, {
      username,
      displayName: u.rows[0].display_name,
      locale: u.rows[0].locale,
    });
    for (const queue of QUEUES) {
      const page = () =>
        listWorkOrders({ db, user, requestId: 'bench', now: new Date() }, { queue, page: 1, pageSize: 20 });
      const first = await page();
      await sqlLoad(page, connections, 1);
      const service = await sqlLoad(page, connections, seconds);
      out.push({ user: username, queue, total: first.total, service });
    }
  }
  return out;
}

export async function queueHttp(
  rows: QueueRow[],
  baseUrl: string,
  cookies: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<void> {
  for (const row of rows) {
    const load = { baseUrl, cookie: cookies[row.user], paths: [queuePath(row.queue)], connections };
    await httpLoad({ ...load, durationSeconds: 2 });
    row.http = await httpLoad({ ...load, durationSeconds: seconds });
  }
}
