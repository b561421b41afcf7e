// The SLA sweep (domain.md §4): every minute, clocks whose next warning instant has passed are claimed
// with SKIP LOCKED (several processes may sweep at once), their level raised to 50, 80 or 100, the
// people of that level told (handler → supervisor → department head, in-app), and every breach recorded.
// Raising a level is conditional on the stored level, so a sweep repeated after a crash acts once.
import { escalationTargets, nextCheckAt, type WarningLevel } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { enqueueNotification } from '../notifications/notifications.outbox';
import { DomainError } from '../../platform/http/errors';
import * as repo from './workorders.repository';

const BATCH = 200;

function levelAt(c: repo.ClockRow, now: Date): WarningLevel {
  const passed = (t: string | null) => t !== null && new Date(t) <= now;
  if (passed(c.due_at)) return 100;
  if (passed(c.warn80_at)) return 80;
  if (passed(c.warn50_at)) return 50;
  return 0;
}

/** The staff told at a level: the handler (else whoever accepted it), supervisors above the order's
 * unit, and at breach the supervisors of the receiving department (its head) or, without one, the
 * company's supervisors. */
async function recipients(tx: Db, o: repo.OrderRow, level: WarningLevel): Promise<number[]> {
  const roles = escalationTargets(level);
  const ids = new Set<number>();
  if (roles.includes('handler')) {
    const handler = o.handler_id ?? o.created_by;
    if (handler) ids.add(handler);
  }
  if (roles.includes('supervisor')) {
    const r = await tx.query<{ user_id: number }>(
      `SELECT ur.user_id FROM user_roles ur JOIN org_units u ON u.id = ur.org_unit_id
         JOIN users x ON x.id = ur.user_id AND x.active
        WHERE ur.role = 'supervisor' AND (SELECT path FROM org_units WHERE id = $1) LIKE u.path || '%'
          AND length(u.path) = (SELECT max(length(u2.path)) FROM user_roles r2 JOIN org_units u2 ON u2.id = r2.org_unit_id
                                 WHERE r2.role = 'supervisor' AND (SELECT path FROM org_units WHERE id = $1) LIKE u2.path || '%')`,
      [o.org_unit_id],
    );
    r.rows.forEach((x) => ids.add(x.user_id));
  }
  if (roles.includes('department_head')) {
    const head = await tx.query<{ user_id: number }>(
      `SELECT ur.user_id FROM user_roles ur JOIN users x ON x.id = ur.user_id AND x.active
        WHERE ur.role = 'supervisor' AND ur.org_unit_id = $1`,
      [o.assigned_unit_id],
    );
    const rows = head.rows.length
      ? head.rows
      : (
          await tx.query<{ user_id: number }>(
            `SELECT ur.user_id FROM user_roles ur JOIN org_units u ON u.id = ur.org_unit_id AND u.parent_id IS NULL
               JOIN users x ON x.id = ur.user_id AND x.active WHERE ur.role = 'supervisor'`,
          )
        ).rows;
    rows.forEach((x) => ids.add(x.user_id));
  }
  return [...ids];
}

async function handlerName(tx: Db, o: repo.OrderRow): Promise<string> {
  const id = o.handler_id ?? o.created_by;
  if (!id) return '—';
  const r = await tx.query<{ display_name: string }>(`SELECT display_name FROM users WHERE id = $1`, [id]);
  return r.rows[0]?.display_name ?? '—';
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

/** One sweep pass; answers how many clocks changed level. Loops until nothing due is left. */
export async function runSlaSweep(db: Db, now = new Date()): Promise<{ raised: number; breaches: number }> {
  let raised = 0;
  let breaches = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await repo.claimDueClocks(tx, now, BATCH);
      for (const c of due) {
        const o = c.w;
        const level = levelAt(c, now);
        const instants = {
          warn50At: c.warn50_at ? new Date(c.warn50_at) : null,
          warn80At: c.warn80_at ? new Date(c.warn80_at) : null,
          dueAt: c.due_at ? new Date(c.due_at) : null,
        };
        if (level <= c.level) {
          // Nothing new (the instants moved after a pause): just look again at the next instant.
          await repo.markClockLevel(tx, c.id, c.level, nextCheckAt(instants, c.level as WarningLevel), null);
          continue;
        }
        const breached = level === 100;
        await repo.markClockLevel(tx, c.id, level, nextCheckAt(instants, level), breached ? c.due_at : null);
        raised++;
        if (breached) {
          const recorded = await repo.recordBreach(tx, {
            orderId: o.id,
            clockId: c.id,
            kind: c.kind,
            orgUnitId: o.org_unit_id,
            unitId: o.assigned_unit_id,
            dueAt: c.due_at!,
            breachedAt: c.due_at!,
          });
          if (recorded) breaches++;
        }
        await repo.insertEvent(tx, {
          orderId: o.id,
          action: breached ? 'sla_breach' : 'sla_warning',
          note: `${KIND_ZH[c.kind] ?? c.kind}时限${breached ? '已超时' : `已用 ${level}%`}（期限 ${localTime(c.due_at!)}）`,
          internal: true,
          at: now,
        });
        const name = await handlerName(tx, o);
        for (const userId of await recipients(tx, o, level)) {
          try {
            await enqueueNotification(tx, {
              event: breached ? 'workorder.breach' : 'workorder.warning',
              channels: ['in_app'],
              recipient: { userId },
              variables: breached
                ? { orderNo: o.case_no, dueAt: localTime(c.due_at!), handlerName: name }
                : { orderNo: o.case_no, percent: level, dueAt: localTime(c.due_at!), handlerName: name },
              orgUnitId: o.org_unit_id,
              entityType: 'work_order',
              entityId: o.id,
              dedupeKey: `wo-sla:${c.id}:${c.started_at}:${level}:${userId}`,
            });
          } catch (e) {
            if (!(e instanceof DomainError)) throw e; // a missing template must not stop the sweep
          }
        }
      }
      return due.length;
    });
    if (n < BATCH) break;
  }
  return { raised, breaches };
}
