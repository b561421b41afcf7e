// Generated orders as COPY rows: the work-order tables and the customers' timeline, ids computed here
// (the sequences are set afterwards), encoded straight into per-table buffers and streamed with COPY —
// on PostgreSQL one connection per table for big loads, while the next chunk is being generated.
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { isPglite, isPostgres, type Db } from '../../src/platform/db/db';
import { NULL, RowBuffer } from './tables';
import type { OrderSim } from './work-order-sim';

export const WORK_ORDER_COLUMNS = {
  work_orders: [
    'id',
    'case_no',
    'type',
    'sub_category',
    'channel',
    'status',
    'paused',
    'title',
    'description',
    'urgent',
    'customer_id',
    'premise_id',
    'account_no',
    'caller_name',
    'caller_phone',
    'contact_phone',
    'org_unit_id',
    'area_class',
    'customer_tier',
    'assigned_unit_id',
    'handler_id',
    'routing_rule_id',
    'time_limit_version_id',
    'parent_id',
    'merged_into_id',
    'reply_text',
    'return_visit_required',
    'first_contact_resolved',
    'satisfaction',
    'reopen_count',
    'accepted_at',
    'dispatched_at',
    'taken_at',
    'handled_at',
    'replied_at',
    'closed_at',
    'created_by',
    'version',
    'created_at',
    'updated_at',
    'next_due_at',
    'next_warn80_at',
  ],
  work_order_events: [
    'id',
    'order_id',
    'action',
    'from_status',
    'to_status',
    'actor_id',
    'actor_name',
    'note',
    'from_unit_id',
    'to_unit_id',
    'internal',
    'at',
    'created_at',
    'updated_at',
  ],
  work_order_pauses: ['id', 'order_id', 'paused_at', 'resumed_at', 'reason', 'created_at', 'updated_at'],
  work_order_clocks: [
    'id',
    'order_id',
    'kind',
    'limit_amount',
    'limit_unit',
    'started_at',
    'stopped_at',
    'warn50_at',
    'warn80_at',
    'due_at',
    'level',
    'breached_at',
    'next_check_at',
    'created_at',
    'updated_at',
  ],
  sla_breaches: [
    'id',
    'order_id',
    'clock_id',
    'kind',
    'org_unit_id',
    'unit_id',
    'due_at',
    'breached_at',
    'created_at',
    'updated_at',
  ],
  work_order_return_visits: [
    'id',
    'order_id',
    'attempt',
    'outcome',
    'method',
    'note',
    'score',
    'by_user_id',
    'by_name',
    'at',
    'created_at',
    'updated_at',
  ],
  timeline_events: [
    'id',
    'customer_id',
    'org_unit_id',
    'at',
    'kind',
    'title',
    'detail',
    'actor_id',
    'actor_name',
    'ref_entity',
    'ref_id',
  ],
} as const;

export type WorkOrderTable = keyof typeof WORK_ORDER_COLUMNS;
/** Foreign-key order: orders first, the customers' timeline last. */
export const WORK_ORDER_TABLES = Object.keys(WORK_ORDER_COLUMNS) as WorkOrderTable[];

export interface WorkOrderIds {
  order: number;
  event: number;
  pause: number;
  clock: number;
  breach: number;
  visit: number;
  timeline: number;
}

/** COPY text: NULL, booleans, numbers, and text with the characters COPY treats specially escaped. */
const iso = (ms: number | null) => (ms === null ? NULL : new Date(ms).toISOString());
const num = (v: number | null) => (v === null ? NULL : String(v));
const bool = (v: boolean) => (v ? 't' : 'f');
function text(v: string | null): string {
  if (v === null) return NULL;
  return /[\\\t\n\r]/.test(v)
    ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : v;
}

/** The earliest instant of a kind among the order's running clocks. */
function earliest(o: OrderSim, which: 'dueAt' | 'warn80At'): number | null {
  let min: number | null = null;
  for (const c of o.clocks.values()) {
    const t = c.stoppedAt === null ? c.instants[which] : null;
    if (t !== null && (min === null || t < min)) min = t;
  }
  return min;
}

export type WorkOrderChunk = Record<WorkOrderTable, RowBuffer>;

export function emptyWorkOrderChunk(): WorkOrderChunk {
  const c = {} as WorkOrderChunk;
  for (const t of WORK_ORDER_TABLES) c[t] = new RowBuffer();
  return c;
}

/** Appends one finished order's rows; `ids` advances past the ids used. */
export function encodeOrder(o: OrderSim, out: WorkOrderChunk, ids: WorkOrderIds): void {
  const w = o.o;
  const id = o.id;
  out.work_orders.push(
    [
      id,
      o.caseNo,
      w.type,
      text(w.subCategory),
      w.channel,
      o.status,
      bool(o.paused),
      text(w.title),
      text(w.description),
      bool(w.urgent),
      num(w.customerId),
      num(w.premiseId),
      text(w.accountNo),
      text(w.callerName),
      text(w.callerPhone),
      text(w.contactPhone),
      w.orgUnitId,
      text(w.areaClass),
      text(w.customerTier),
      num(o.assignedUnitId),
      num(o.handler?.id ?? null),
      num(o.routingRuleId),
      w.timeLimitVersionId,
      num(w.parentId),
      num(o.mergedIntoId),
      text(o.replyText),
      bool(w.returnVisitRequired),
      bool(o.firstContactResolved),
      num(o.satisfaction),
      o.reopenCount,
      iso(o.acceptedAt),
      iso(o.dispatchedAt),
      iso(o.takenAt),
      iso(o.handledAt),
      iso(o.repliedAt),
      iso(o.closedAt),
      o.createdBy.id,
      o.version,
      iso(o.acceptedAt),
      iso(o.updatedAt),
      // What the clock triggers keep on the order (migration 0108): written here too, because in a
      // parallel load a chunk's clocks may arrive before its orders are visible to the trigger.
      iso(earliest(o, 'dueAt')),
      iso(earliest(o, 'warn80At')),
    ].join('\t'),
  );
  for (const e of o.events) {
    const at = iso(e.at);
    out.work_order_events.push(
      `${ids.event++}\t${id}\t${e.action}\t${text(e.fromStatus)}\t${text(e.toStatus)}\t${num(e.actor?.id ?? null)}\t${text(e.actor?.name ?? null)}\t${text(e.note)}\t${num(e.fromUnit)}\t${num(e.toUnit)}\t${bool(e.internal)}\t${at}\t${at}\t${at}`,
    );
  }
  for (const p of o.pauses) {
    out.work_order_pauses.push(
      `${ids.pause++}\t${id}\t${iso(p.from)}\t${iso(p.to)}\t${text(p.reason)}\t${iso(p.from)}\t${iso(p.to ?? p.from)}`,
    );
  }
  const clockIds = new Map<string, number>();
  for (const c of o.clocks.values()) {
    const clockId = ids.clock++;
    clockIds.set(c.kind, clockId);
    const i = c.instants;
    out.work_order_clocks.push(
      `${clockId}\t${id}\t${c.kind}\t${c.limit.amount}\t${c.limit.unit}\t${iso(c.startedAt)}\t${iso(c.stoppedAt)}\t${iso(i.warn50At)}\t${iso(i.warn80At)}\t${iso(i.dueAt)}\t${c.level}\t${iso(c.breachedAt)}\t${iso(c.nextCheckAt)}\t${iso(c.createdAt)}\t${iso(c.updatedAt)}`,
    );
  }
  for (const b of o.breaches) {
    const due = iso(b.dueAt);
    out.sla_breaches.push(
      `${ids.breach++}\t${id}\t${clockIds.get(b.kind)}\t${b.kind}\t${w.orgUnitId}\t${num(b.unitId)}\t${due}\t${due}\t${due}\t${due}`,
    );
  }
  o.visits.forEach((v, n) => {
    const at = iso(v.at);
    out.work_order_return_visits.push(
      `${ids.visit++}\t${id}\t${n + 1}\t${v.outcome}\t${v.method}\t${text(v.note)}\t${num(v.score)}\t${v.by.id}\t${text(v.by.name)}\t${at}\t${at}\t${at}`,
    );
  });
  if (w.customerId !== null) {
    for (const t of o.timeline) {
      out.timeline_events.push(
        `${ids.timeline++}\t${w.customerId}\t${w.orgUnitId}\t${iso(t.at)}\twork_order\t${text(t.title)}\t${text(t.detail)}\t${num(t.actor?.id ?? null)}\t${text(t.actor?.name ?? null)}\twork_order\t${id}`,
      );
    }
  }
}

const copySql = (table: WorkOrderTable, source: string) =>
  `COPY ${table}(${WORK_ORDER_COLUMNS[table].join(',')}) FROM ${source}`;

async function copyInto(client: pg.PoolClient, table: WorkOrderTable, data: Buffer): Promise<void> {
  await pipeline(Readable.from([data]), client.query(copyFrom(copySql(table, 'STDIN'))));
}

/**
 * Loads chunks: in parallel mode (PostgreSQL, foreign keys dropped) each table has its own connection and
 * a chunk is handed over without waiting; otherwise the tables go one after the other in key order.
 */
export class WorkOrderLoader {
  private readonly pending = new Map<WorkOrderTable, Promise<void>>();
  private failure: unknown = null;

  private constructor(
    private readonly db: Db,
    private readonly clients: pg.PoolClient[],
    private readonly parallel: boolean,
  ) {}

  static async open(db: Db, parallel: boolean): Promise<WorkOrderLoader> {
    if (!isPostgres(db)) return new WorkOrderLoader(db, [], false);
    const clients: pg.PoolClient[] = [];
    for (let i = 0; i < (parallel ? WORK_ORDER_TABLES.length : 1); i++) clients.push(await db.connect());
    return new WorkOrderLoader(db, clients, parallel);
  }

  async load(chunk: WorkOrderChunk): Promise<void> {
    if (this.failure) throw this.failure;
    for (const [i, table] of WORK_ORDER_TABLES.entries()) {
      const data = chunk[table].take();
      if (data.length === 0) continue;
      if (this.parallel) {
        await this.pending.get(table);
        if (this.failure) throw this.failure;
        this.pending.set(
          table,
          copyInto(this.clients[i], table, data).catch((e) => {
            this.failure ??= e;
          }),
        );
      } else if (this.clients.length) {
        await copyInto(this.clients[0], table, data);
      } else if (isPglite(this.db)) {
        await this.db.pglite.query(copySql(table, `'/dev/blob'`), [], {
          blob: new Blob([data as Uint8Array<ArrayBuffer>]),
        });
      }
    }
  }

  async finish(): Promise<void> {
    await Promise.all(this.pending.values());
    this.release();
    if (this.failure) throw this.failure;
  }

  release(): void {
    for (const c of this.clients.splice(0)) c.release();
  }
}
