// Generated service-centre work orders (95598 工单) for the generated customers: `historical` orders
// accepted over the past months and all worked to the end, and `open` ones in every status with running
// SLA clocks — some near their limit, some past it. Deterministic for the same database, seed and `now`.
// Orders are produced day by day in the order they were accepted (ids and case numbers follow time),
// played through OrderSim, encoded as COPY rows and streamed chunk by chunk, so memory stays bounded;
// big loads drop and re-create the secondary indexes and foreign keys of the work-order tables the way
// the customer generator does.
import type { Db } from '../../src/platform/db/db';
import { loadWorkingCalendar } from '../../src/modules/calendar/calendar.service';
import { addLocalDays, startOfLocalDate, type WorkOrderType } from '@gridcare/domain';
import { ClockMath } from './clock-instants';
import { createRng, weighted, type Rng } from './prng';
import { dropForBulkLoad, restoreAfterBulkLoad } from './bulk-indexes';
import { CustomerSampler } from './work-order-customers';
import { Lifecycle, type OpenFate, type OpenStage } from './work-order-lifecycle';
import { OrgMap } from './work-order-org';
import {
  WORK_ORDER_TABLES,
  WorkOrderLoader,
  emptyWorkOrderChunk,
  encodeOrder,
  type WorkOrderIds,
} from './work-order-rows';
import { prepareStaff } from './work-order-staff';
import { TYPE_MIX } from './work-order-texts';

export interface WorkOrderOptions {
  /** Orders accepted over the past `months` and closed (or merged) by now. */
  historical: number;
  /** Orders still being worked now. */
  open: number;
  seed: number;
  /** Everything is placed relative to this instant (default: now). */
  now?: Date;
  /** How far back the historical orders go (default 24 months). */
  months?: number;
  log?: (s: string) => void;
  /** Drop and re-create secondary indexes and foreign keys around the load; default from 20,000 orders. */
  bulk?: boolean;
  /** Orders per COPY chunk. */
  chunkSize?: number;
}

export interface WorkOrderSummary {
  historical: number;
  open: number;
  rows: number;
  seconds: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Calls per local hour of a 95598 line: morning and afternoon peaks, a quieter night. */
const HOURLY = [
  0.3, 0.2, 0.15, 0.15, 0.2, 0.4, 0.8, 2, 5, 8, 8, 7, 4, 5, 7, 7, 6, 5, 4, 4, 3.5, 2.5, 1.5, 0.7,
];
const HOURS = HOURLY.map((w, h) => [h, w] as const);

/** Where the open orders stand: mostly being worked, a quarter awaiting the return visit. */
const STAGES_WITH_VISIT: readonly (readonly [OpenStage, number])[] = [
  ['dispatched', 15],
  ['taken', 40],
  ['handled', 10],
  ['replied', 30],
  ['accepted', 5],
];
const STAGES: readonly (readonly [OpenStage, number])[] = [
  ['dispatched', 30],
  ['taken', 50],
  ['handled', 15],
  ['accepted', 5],
];

/** Wall-clock time of an open order's governing limit, to place its acceptance before now. */
function limitSpanMs(type: WorkOrderType, stage: OpenStage): number {
  if (stage === 'replied') return 2 * DAY; // the return visit: 2 working days
  if (type === 'fault_repair') return stage === 'dispatched' ? HOUR / 3 : 5 * HOUR; // crews take at once
  if (type === 'consultation' || type === 'query') return 1.4 * DAY; // 1 working day
  return 6.5 * DAY; // 5 working days
}

/**
 * The first open orders of every load: complaints for production and planning, meter tests for metering and
 * repairs for the crews in each stage, so even the small demo has something in every unit's queue.
 */
const SHOWCASE: readonly { type: WorkOrderType; sub: string; stage: OpenStage }[] = [
  { type: 'complaint', sub: 'supply_quality', stage: 'dispatched' },
  { type: 'complaint', sub: 'supply_quality', stage: 'taken' },
  { type: 'complaint', sub: 'supply_quality', stage: 'replied' },
  { type: 'complaint', sub: 'capacity', stage: 'dispatched' },
  { type: 'complaint', sub: 'capacity', stage: 'taken' },
  { type: 'complaint', sub: 'capacity', stage: 'replied' },
  { type: 'complaint', sub: 'billing', stage: 'handled' },
  { type: 'application', sub: 'meter_test', stage: 'taken' },
  { type: 'fault_repair', sub: 'no_power', stage: 'dispatched' },
  { type: 'fault_repair', sub: 'no_power', stage: 'taken' },
  { type: 'fault_repair', sub: 'voltage', stage: 'replied' },
];

function openFates(rng: Rng, count: number, now: number): (OpenFate & { t0: number })[] {
  const out: (OpenFate & { t0: number })[] = [];
  for (let i = 0; i < count; i++) {
    const show = SHOWCASE[i];
    const type =
      show?.type ??
      weighted(
        rng,
        TYPE_MIX.filter(([t]) => t !== 'urge'),
      );
    const visit = type === 'fault_repair' || type === 'complaint' || type === 'application';
    const stage = show?.stage ?? weighted(rng, visit ? STAGES_WITH_VISIT : STAGES);
    const paused =
      !show && type !== 'fault_repair' && stage !== 'replied' && stage !== 'accepted' && rng.chance(0.06);
    // Share of the limit used by now: most well within it, some near it, some past it.
    const u = rng.next();
    const used = u < 0.84 ? rng.next() * 0.75 : u < 0.93 ? 0.8 + rng.next() * 0.19 : 1 + rng.next() * 1.5;
    const t0 = now - Math.max(60_000, Math.floor(used * limitSpanMs(type, stage)));
    out.push({ type, sub: show?.sub, stage, paused, t0 });
  }
  return out.sort((a, b) => a.t0 - b.t0);
}

/** Relative call volume of a local date: weekends and holidays quieter, summer and winter busier. */
function dayWeight(date: string, math: ClockMath, daysAgo: number): number {
  const month = Number(date.slice(5, 7));
  const season = month === 7 || month === 8 ? 1.4 : month === 1 || month === 12 ? 1.2 : 1;
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  const off = math.cal.holidays.has(date) || ((dow === 0 || dow === 6) && !math.cal.makeupWorkdays.has(date));
  // The last days hold fewer finished orders: many of their calls are still open.
  const settled = daysAgo >= 10 ? 1 : 0.35 + 0.065 * daysAgo;
  return season * (off ? 0.6 : 1) * settled;
}

async function nextIds(db: Db): Promise<WorkOrderIds & { serial: number }> {
  const max = async (t: string) =>
    (await db.query<{ n: number }>(`SELECT coalesce(max(id), 0)::bigint AS n FROM ${t}`)).rows[0].n + 1;
  const seq = (
    await db.query<{ last_value: number; is_called: boolean }>(
      `SELECT last_value, is_called FROM work_order_case_seq`,
    )
  ).rows[0];
  return {
    order: await max('work_orders'),
    event: await max('work_order_events'),
    pause: await max('work_order_pauses'),
    clock: await max('work_order_clocks'),
    breach: await max('sla_breaches'),
    visit: await max('work_order_return_visits'),
    timeline: await max('timeline_events'),
    serial: seq.is_called ? seq.last_value + 1 : seq.last_value,
  };
}

export async function generateWorkOrders(db: Db, opts: WorkOrderOptions): Promise<WorkOrderSummary> {
  const log = opts.log ?? (() => undefined);
  const started = Date.now();
  const now = (opts.now ?? new Date()).getTime();
  const historical = Math.max(0, Math.floor(opts.historical));
  const open = Math.max(0, Math.floor(opts.open));
  const rng = createRng(opts.seed + 31);
  const cal = await loadWorkingCalendar(db, now);
  const math = new ClockMath(cal);
  const org = await OrgMap.load(db);
  const staff = await prepareStaff(db, org, createRng(opts.seed + 32), { historical, open });
  const sampler = await CustomerSampler.open(
    db,
    createRng(opts.seed + 33),
    Math.min(5000, Math.max(100, historical + open)),
  );
  const start = await nextIds(db);
  const ids: WorkOrderIds = { ...start };
  let serial = start.serial;
  const sweepRng = createRng(opts.seed + 34);
  const lifecycle = new Lifecycle({
    rng,
    org,
    staff,
    math,
    now,
    offices: org.supplyOffices,
    pickCaller: () => sampler.pick(),
    allocate: (t) => ({
      id: ids.order++,
      caseNo: `GD${math.localDate(t).replaceAll('-', '')}${String(serial++).padStart(8, '0')}`,
    }),
    // pg-boss starts the sweep at each whole minute; it reaches a clock a moment later.
    sweepDelay: () => 500 + Math.floor(sweepRng.next() * 2500),
  });

  // The day plan: historical orders spread over the days by weight, open ones placed by their fate.
  const today = math.localDate(now);
  const firstDay = addLocalDays(today, -Math.round((opts.months ?? 24) * 30.4));
  const days: string[] = [];
  for (let d = firstDay; d <= today; d = addLocalDays(d, 1)) days.push(d);
  const weights = days.map((d, i) => dayWeight(d, math, days.length - 1 - i));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const fates = openFates(createRng(opts.seed + 35), open, now);

  const bulk = opts.bulk ?? historical + open >= 20_000;
  const chunkSize = opts.chunkSize ?? 10_000;
  const dropped = bulk
    ? await dropForBulkLoad(db, { indexes: WORK_ORDER_TABLES, foreignKeys: WORK_ORDER_TABLES })
    : null;
  let failed = false;
  let madeHistorical = 0;
  let madeOpen = 0;
  let rows = 0;
  try {
    const loader = await WorkOrderLoader.open(db, bulk);
    try {
      const chunk = emptyWorkOrderChunk();
      let inChunk = 0;
      let nextFate = 0;
      let cumulative = 0;
      let lastLog = 0;
      for (const [i, day] of days.entries()) {
        cumulative += weights[i];
        const dayStart = startOfLocalDate(day, cal.timeZone).getTime();
        const dayEnd = Math.min(now - 60_000, dayStart + DAY);
        const want = Math.round((historical * cumulative) / weightSum) - madeHistorical;
        const slots: { t: number; fate: (typeof fates)[number] | null }[] = [];
        for (let k = 0; k < want && dayEnd > dayStart; k++) {
          let t = dayStart + weighted(rng, HOURS) * HOUR + Math.floor(rng.next() * HOUR);
          if (t >= dayEnd) t = dayStart + Math.floor(rng.next() * (dayEnd - dayStart));
          slots.push({ t, fate: null });
        }
        while (nextFate < fates.length && fates[nextFate].t0 < dayStart + DAY)
          slots.push({ t: fates[nextFate].t0, fate: fates[nextFate++] });
        slots.sort((a, b) => a.t - b.t);
        for (const slot of slots) {
          if (!slot.fate && madeHistorical >= historical) continue;
          const companions = madeHistorical + 1 < historical;
          for (const o of await lifecycle.build(slot.t, slot.fate, companions)) {
            if (slot.fate) madeOpen++;
            else madeHistorical++;
            encodeOrder(o, chunk, ids);
            inChunk++;
          }
          if (inChunk >= chunkSize) {
            rows += countRows(chunk);
            await loader.load(chunk);
            inChunk = 0;
          }
        }
        const done = madeHistorical + madeOpen;
        if (done - lastLog >= 100_000) {
          lastLog = done;
          log(
            `  ${done.toLocaleString('en')} work orders generated (${Math.round(done / ((Date.now() - started) / 1000)).toLocaleString('en')}/s)`,
          );
        }
      }
      rows += countRows(chunk);
      await loader.load(chunk);
      await loader.finish();
    } finally {
      loader.release();
    }
    log(`  work-order rows loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    if (dropped) {
      const t = Date.now();
      await restoreAfterBulkLoad(db, dropped, log).catch((e) => {
        if (!failed) throw e;
        log(
          `could not restore indexes/foreign keys after a failed load: ${e instanceof Error ? e.message : e}`,
        );
      });
      log(`  work-order indexes and foreign keys re-created in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
  }
  await advanceSequences(db, serial - 1, serial > start.serial);
  await db.exec(`${bulk ? 'VACUUM (ANALYZE)' : 'ANALYZE'} ${WORK_ORDER_TABLES.join(', ')}`);
  const seconds = (Date.now() - started) / 1000;
  log(
    `  ${madeHistorical.toLocaleString('en')} historical and ${madeOpen.toLocaleString('en')} open work orders (${rows.toLocaleString('en')} rows) in ${seconds.toFixed(1)} s`,
  );
  return { historical: madeHistorical, open: madeOpen, rows, seconds };
}

function countRows(chunk: ReturnType<typeof emptyWorkOrderChunk>): number {
  return WORK_ORDER_TABLES.reduce((s, t) => s + chunk[t].rows, 0);
}

async function advanceSequences(db: Db, lastSerial: number, used: boolean): Promise<void> {
  for (const t of WORK_ORDER_TABLES)
    await db.query(
      `SELECT setval(pg_get_serial_sequence('${t}', 'id'), max(id)) FROM ${t} HAVING max(id) IS NOT NULL`,
    );
  // The service continues after the generated case numbers.
  if (used) await db.query(`SELECT setval('work_order_case_seq', $1)`, [lastSerial]);
}
