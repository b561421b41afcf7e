// SLA clocks of one order (domain.md §4): started when the step begins, stopped when it is done, their
// warning instants recomputed whenever a pause starts or ends (paused time does not count). The arithmetic
// is packages/domain's; this file only keeps the rows in step with it.
import {
  clockInstants,
  limitsFor,
  nextCheckAt,
  readClock,
  type AreaClass,
  type PauseInterval,
  type TimeLimit,
  type TimeLimitKind,
  type TimeLimitRule,
  type WarningLevel,
  type WorkOrderType,
  type WorkingCalendar,
} from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import {
  listClocks,
  listPauses,
  recordBreach,
  setClockTimes,
  stopClockRow,
  upsertClock,
  type ClockRow,
  type OrderRow,
  type PauseRow,
} from './workorders.repository';

export function pausesOf(rows: PauseRow[]): PauseInterval[] {
  return rows.map((p) => ({ from: new Date(p.paused_at), to: p.resumed_at ? new Date(p.resumed_at) : null }));
}

export function limitOf(c: Pick<ClockRow, 'limit_amount' | 'limit_unit'>): TimeLimit {
  return { amount: Number(c.limit_amount), unit: c.limit_unit as TimeLimit['unit'] };
}

/** The limits of the order's time-limit version that apply to it, by kind. */
export function orderLimits(
  o: { type: string; sub_category: string | null; area_class: string | null },
  rules: readonly TimeLimitRule[],
): Partial<Record<TimeLimitKind, TimeLimit>> {
  return limitsFor(
    {
      type: o.type as WorkOrderType,
      subCategory: o.sub_category,
      areaClass: o.area_class as AreaClass | null,
    },
    rules,
  );
}

export async function startClock(
  tx: Db,
  orderId: number,
  kind: TimeLimitKind,
  limit: TimeLimit | undefined,
  at: Date,
  cal: WorkingCalendar,
): Promise<void> {
  if (!limit) return; // no rule of this kind applies to the order
  // A clock started now is not affected by earlier pauses; one started while paused waits for the resume.
  const pauses = pausesOf(await listPauses(tx, orderId)).filter((p) => p.to === null || p.to > at);
  const instants = clockInstants(at, limit, cal, pauses);
  await upsertClock(tx, {
    orderId,
    kind,
    amount: limit.amount,
    unit: limit.unit,
    startedAt: at,
    ...instants,
    nextCheckAt: nextCheckAt(instants, 0),
  });
}

/**
 * Stops the running clocks of the given kinds. A clock stopped after its deadline is a breach even when
 * no sweep saw it (workers off, or the step finished between two sweeps): recorded here too.
 */
export async function stopClocks(
  tx: Db,
  order: OrderRow,
  kinds: readonly TimeLimitKind[] | 'all',
  at: Date,
): Promise<void> {
  for (const c of await listClocks(tx, order.id)) {
    if (c.stopped_at || (kinds !== 'all' && !kinds.includes(c.kind as TimeLimitKind))) continue;
    const late = c.due_at !== null && new Date(c.due_at) < at;
    if (late) {
      await recordBreach(tx, {
        orderId: order.id,
        clockId: c.id,
        kind: c.kind,
        orgUnitId: order.org_unit_id,
        unitId: order.assigned_unit_id,
        dueAt: c.due_at!,
        breachedAt: c.due_at!,
      });
    }
    await stopClockRow(tx, c.id, at, late ? c.due_at : null);
  }
}

/** After a pause starts or ends: every running clock's instants from its start with the pauses so far. */
export async function recomputeClocks(tx: Db, orderId: number, cal: WorkingCalendar): Promise<void> {
  const pauses = pausesOf(await listPauses(tx, orderId));
  for (const c of await listClocks(tx, orderId)) {
    if (c.stopped_at) continue;
    const instants = clockInstants(new Date(c.started_at), limitOf(c), cal, pauses);
    await setClockTimes(tx, c.id, {
      ...instants,
      nextCheckAt: nextCheckAt(instants, c.level as WarningLevel),
    });
  }
}

/** What the order page shows of each clock at `now`. */
export function presentClock(c: ClockRow, pauses: PauseInterval[], cal: WorkingCalendar, now: Date) {
  const limit = limitOf(c);
  const end = c.stopped_at ? new Date(c.stopped_at) : now;
  const reading = readClock(new Date(c.started_at), end, limit, cal, pauses);
  const breached = c.breached_at !== null || (c.due_at !== null && new Date(c.due_at) <= end);
  return {
    kind: c.kind as TimeLimitKind,
    limitAmount: limit.amount,
    limitUnit: limit.unit,
    startedAt: c.started_at,
    dueAt: c.due_at,
    stoppedAt: c.stopped_at,
    consumed: reading.limitMinutes > 0 ? reading.consumedMinutes / reading.limitMinutes : 1,
    remainingMinutes: Math.round(reading.remainingMinutes),
    level: breached ? (100 as const) : reading.level,
    breached,
  };
}
