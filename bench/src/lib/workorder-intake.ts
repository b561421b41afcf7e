// Order intake for the benchmark: realistic POST /api/workorders bodies for random generated customers
// (the generator's type mix, sub-categories, zh-CN titles and descriptions, channels, answered on the
// spot as often as the generator's agents do), and the baseline — the same rows written by a raw loop of
// single-row INSERTs into work_orders over the same number of connections.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../apps/server/src/platform/db/db';
import { createRng, weighted } from '../../../apps/server/seed/generator/prng';
import { CHANNEL_MIX, TEXTS, TYPE_MIX } from '../../../apps/server/seed/generator/work-order-texts';
import type { RequestSpec } from './request-load';
import { sqlLoad } from './load';
import type { Latency } from './stats';
import { sampleCustomerIds } from './target';

export interface IntakeRow {
  body: Record<string, unknown>;
  customer: {
    id: number;
    orgUnitId: number;
    areaClass: string | null;
    tier: string;
    premiseId: number | null;
  };
}

const ON_SPOT: Record<string, number> = { consultation: 0.72, query: 0.75, suggestion: 0.35, praise: 0.4 };

/** `onSpotScale` scales how often an order is answered on the spot (1: the generator's agents, 0: never). */
export async function intakeRows(db: Db, n: number, onSpotScale = 1, seed = 3): Promise<IntakeRow[]> {
  const ids = await sampleCustomerIds(db, n, seed);
  const r = await db.query<{
    id: number;
    org_unit_id: number;
    phone: string | null;
    importance_tier: string;
    kind: string;
    name: string;
    premise_id: number | null;
    area_class: string | null;
  }>(
    `SELECT c.id, c.org_unit_id, c.phone, c.importance_tier, c.kind, c.name, p.id AS premise_id, p.area_class
       FROM customers c
       LEFT JOIN LATERAL (SELECT id, area_class FROM premises WHERE customer_id = c.id ORDER BY id LIMIT 1) p ON true
      WHERE c.id = ANY($1::bigint[]) AND c.status = 'active'`,
    [ids],
  );
  const rng = createRng(seed);
  return r.rows.map((c) => {
    const type = weighted(
      rng,
      TYPE_MIX.filter(([t]) => t !== 'urge'),
    );
    const text = weighted(
      rng,
      TEXTS[type].map((x) => [x, x.weight] as const),
    );
    const onSpot = rng.chance((ON_SPOT[type] ?? 0) * onSpotScale);
    let channel = type === 'fault_repair' ? 'phone' : weighted(rng, CHANNEL_MIX);
    if (channel === 'account_manager' && c.kind === 'person') channel = 'phone';
    const body: Record<string, unknown> = {
      type,
      subCategory: text.sub ?? undefined,
      channel,
      customerId: c.id,
      premiseId: type === 'fault_repair' ? (c.premise_id ?? undefined) : undefined,
      contactPhone: c.phone ?? undefined,
      callerPhone: channel === 'phone' ? (c.phone ?? undefined) : undefined,
      callerName: c.kind === 'person' ? c.name : undefined,
      title: rng.pick(text.titles),
      description: rng
        .pick(text.descriptions)
        .replaceAll('{addr}', '客户用电地址')
        .replaceAll('{acct}', '户号见客户档案')
        .replaceAll('{month}', '上月')
        .replaceAll('{amount}', '356.20')
        .replaceAll('{time}', '今天上午'),
      urgent: type === 'fault_repair' && rng.chance(0.2),
      answeredOnSpot: onSpot,
      replyText: onSpot ? rng.pick(text.replies) : undefined,
    };
    return {
      body,
      customer: {
        id: c.id,
        orgUnitId: c.org_unit_id,
        areaClass: c.area_class,
        tier: c.importance_tier,
        premiseId: c.premise_id,
      },
    };
  });
}

/** POST /api/workorders with the i-th body and a fresh Idempotency-Key. */
export function intakeRequest(rows: IntakeRow[]): (i: number) => RequestSpec {
  return (i) => ({
    method: 'POST',
    path: '/api/workorders',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(rows[i % rows.length].body),
  });
}

/** reply_text marks the baseline's rows (a new order has none), so only they are removed afterwards. */
const INSERT_SQL = `
  INSERT INTO work_orders(case_no, type, sub_category, channel, status, title, description, urgent, customer_id,
    premise_id, caller_name, caller_phone, contact_phone, org_unit_id, area_class, customer_tier, assigned_unit_id,
    time_limit_version_id, return_visit_required, accepted_at, dispatched_at, created_by, reply_text)
  VALUES ('GD' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('work_order_case_seq')::text, 8, '0'),
    $1, $2, $3, 'dispatched', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $12, 1,
    $1 IN ('fault_repair','complaint','application'), now(), now(), $15, 'bench:raw-insert')`;

/**
 * The floor: one single-row INSERT per order into work_orders (no clocks, events, audit or timeline),
 * from `connections` clients in parallel for `durationSeconds` (`db` should have that many connections).
 * The rows are deleted afterwards.
 */
export async function rawInsertLoop(
  db: Db,
  rows: IntakeRow[],
  agentId: number,
  connections: number,
  durationSeconds: number,
): Promise<Latency & { queriesPerSecond: number }> {
  const before = (await db.query<{ n: number }>(`SELECT coalesce(max(id), 0)::bigint AS n FROM work_orders`))
    .rows[0].n;
  try {
    return await sqlLoad(
      (i) => {
        const r = rows[i % rows.length];
        const b = r.body;
        return db.query(INSERT_SQL, [
          b.type,
          b.subCategory ?? null,
          b.channel,
          b.title,
          b.description,
          b.urgent,
          r.customer.id,
          b.premiseId ?? null,
          b.callerName ?? null,
          b.callerPhone ?? null,
          b.contactPhone ?? null,
          r.customer.orgUnitId,
          r.customer.areaClass,
          r.customer.tier,
          agentId,
        ]);
      },
      connections,
      durationSeconds,
    );
  } finally {
    // Nothing refers to these rows; the foreign-key triggers are skipped because every deleted order
    // otherwise costs a scan of work_orders for merged_into_id, which has no index.
    await db.transaction(async (tx) => {
      await tx.exec(`SET LOCAL session_replication_role = replica`);
      await tx.query(`DELETE FROM work_orders WHERE id > $1 AND reply_text = 'bench:raw-insert'`, [before]);
    });
    // The dead rows sit at the newest end of every index; later scans must not wade through them.
    await db.exec('VACUUM (ANALYZE) work_orders');
  }
}
