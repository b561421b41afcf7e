// The SLA sweep (domain.md §4): every minute, clocks whose next warning instant has passed are claimed
// with SKIP LOCKED (several processes may sweep at once), their level raised to 50, 80 or 100, the
// people of that level told (handler → supervisor → department head, in-app), and every breach recorded.
// Raising a level happens under the row lock, in the same transaction as the messages and the events,
// so a sweep that crashes or runs twice acts once. A batch is handled set-wise: a few statements per
// batch, not per clock, so a pass over 100,000 open orders stays short.
import { escalationTargets, nextCheckAt, type WarningLevel } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { enqueueNotifications, type EnqueueNotification } from '../notifications/notifications.outbox';
import * as repo from './workorders.repository';

const BATCH = 500;

function levelAt(c: repo.ClockRow, now: Date): WarningLevel {
  const passed = (t: string | null) => t !== null && new Date(t) <= now;
  if (passed(c.due_at)) return 100;
  if (passed(c.warn80_at)) return 80;
  if (passed(c.warn50_at)) return 50;
  return 0;
}

const KIND_ZH: Record<string, string> = {
  dispatch: '派单',
  first_contact: '首次联系',
  reply: '答复',
  arrival: '到达现场',
  restoration: '恢复送电',
  return_visit: '回访',
  meter_test: '校验结果',
};

function localTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

interface Supervisor {
  userId: number;
  unitId: number;
  path: string;
  parentId: number | null;
}

/** Everyone holding the supervisor role, with the path of the unit they hold it on (a small list). */
async function loadSupervisors(db: Db): Promise<Supervisor[]> {
  const r = await db.query<{ user_id: number; unit_id: number; path: string; parent_id: number | null }>(
    `SELECT ur.user_id, u.id AS unit_id, u.path, u.parent_id
       FROM user_roles ur JOIN org_units u ON u.id = ur.org_unit_id JOIN users x ON x.id = ur.user_id AND x.active
      WHERE ur.role = 'supervisor'`,
  );
  return r.rows.map((x) => ({ userId: x.user_id, unitId: x.unit_id, path: x.path, parentId: x.parent_id }));
}

/**
 * The staff told at a level: the handler (else whoever accepted it); the supervisors nearest above the
 * order's unit; at breach also the head of the receiving department (a supervisor on that unit) or,
 * without one, the company's supervisors.
 */
function recipients(o: repo.OrderRow, orderPath: string, level: WarningLevel, sups: Supervisor[]): number[] {
  const roles = escalationTargets(level);
  const ids = new Set<number>();
  if (roles.includes('handler')) {
    const handler = o.handler_id ?? o.created_by;
    if (handler) ids.add(handler);
  }
  if (roles.includes('supervisor')) {
    const above = sups.filter((s) => orderPath.startsWith(s.path));
    const deepest = Math.max(0, ...above.map((s) => s.path.length));
    above.filter((s) => s.path.length === deepest).forEach((s) => ids.add(s.userId));
  }
  if (roles.includes('department_head')) {
    const heads = sups.filter((s) => s.unitId === o.assigned_unit_id);
    (heads.length ? heads : sups.filter((s) => s.parentId === null)).forEach((s) => ids.add(s.userId));
  }
  return [...ids];
}

/** One sweep pass; answers how many clocks changed level and how many breaches were recorded. */
export async function runSlaSweep(db: Db, now = new Date()): Promise<{ raised: number; breaches: number }> {
  let raised = 0;
  let breaches = 0;
  let supervisors: Supervisor[] | null = null;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await repo.claimDueClocks(tx, now, BATCH);
      if (due.length === 0) return 0;
      const updates: { id: number; level: number; next: string | null; breached: string | null }[] = [];
      const events: repo.NewEvent[] = [];
      const newBreaches: { clock: (typeof due)[number] }[] = [];
      const raisedClocks: { clock: (typeof due)[number]; level: WarningLevel }[] = [];
      for (const c of due) {
        const level = levelAt(c, now);
        const instants = {
          warn50At: c.warn50_at ? new Date(c.warn50_at) : null,
          warn80At: c.warn80_at ? new Date(c.warn80_at) : null,
          dueAt: c.due_at ? new Date(c.due_at) : null,
        };
        if (level <= c.level) {
          // Nothing new (the instants moved after a pause): look again at the next instant.
          const next = nextCheckAt(instants, c.level as WarningLevel);
          updates.push({ id: c.id, level: c.level, next: next?.toISOString() ?? null, breached: null });
          continue;
        }
        const breached = level === 100;
        const next = nextCheckAt(instants, level);
        updates.push({
          id: c.id,
          level,
          next: next?.toISOString() ?? null,
          breached: breached ? c.due_at : null,
        });
        if (breached) newBreaches.push({ clock: c });
        raisedClocks.push({ clock: c, level });
        events.push({
          orderId: c.order_id,
          action: breached ? 'sla_breach' : 'sla_warning',
          note: `${KIND_ZH[c.kind] ?? c.kind}时限${breached ? '已超时' : `已用 ${level}%`}（期限 ${localTime(c.due_at!)}）`,
          internal: true,
          at: now,
        });
      }
      await repo.setClockLevels(tx, updates);
      breaches += await repo.recordBreaches(
        tx,
        newBreaches.map(({ clock: c }) => ({
          orderId: c.w.id,
          clockId: c.id,
          kind: c.kind,
          orgUnitId: c.w.org_unit_id,
          unitId: c.w.assigned_unit_id,
          dueAt: c.due_at!,
          breachedAt: c.due_at!,
        })),
      );
      await repo.insertEvents(tx, events);
      raised += raisedClocks.length;

      if (raisedClocks.length > 0) {
        supervisors ??= await loadSupervisors(tx);
        const people = await repo.orderPeople(
          tx,
          raisedClocks.map(({ clock }) => clock.w.id),
        );
        const messages: Omit<EnqueueNotification, 'dedupeKey'>[] = [];
        for (const { clock: c, level } of raisedClocks) {
          const o = c.w;
          const who = people.get(o.id);
          const handlerName = who?.handlerName ?? '—';
          for (const userId of recipients(o, who?.orgPath ?? '/', level, supervisors)) {
            messages.push({
              event: level === 100 ? 'workorder.breach' : 'workorder.warning',
              channels: ['in_app'],
              recipient: { userId },
              variables:
                level === 100
                  ? { orderNo: o.case_no, dueAt: localTime(c.due_at!), handlerName }
                  : { orderNo: o.case_no, percent: level, dueAt: localTime(c.due_at!), handlerName },
              orgUnitId: o.org_unit_id,
              entityType: 'work_order',
              entityId: o.id,
            });
          }
        }
        // A message that cannot be rendered is skipped: a missing template must not stop the sweep.
        await enqueueNotifications(tx, messages);
      }
      return due.length;
    });
    if (n < BATCH) break;
  }
  return { raised, breaches };
}
