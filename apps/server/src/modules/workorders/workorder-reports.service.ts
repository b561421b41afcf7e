// The supervisor's SLA board and the service-centre reports (domain.md §4, §15): orders by type, channel,
// unit and month, SLA compliance, breaches, return-visit rate, satisfaction, first-contact resolution and
// complaints year on year. Everything is computed in SQL over the orders the caller may see.
import type { z } from 'zod';
import { msg } from '@gridcare/contracts';
import type {
  SlaBoard,
  WorkOrderReport,
  WorkOrderReportQuery,
  WorkOrderReportRow,
} from '@gridcare/contracts';
import { ON_THE_SPOT_REPLY_TYPES } from '@gridcare/domain';
import { requirePermission, type RequestContext } from '../../platform/auth/context';
import { DomainError } from '../../platform/http/errors';
import { EXPORT_TITLES, periodUtc } from './workorders.service';

const VISIBLE = `(w.org_unit_id = ANY($1::bigint[]) OR w.assigned_unit_id = ANY($1::bigint[]))`;
const OPEN = `w.status NOT IN ('closed','merged')`;

const CHANNEL_ZH: Record<string, string> = {
  phone: '电话',
  portal: '网上营业厅',
  wechat: '微信/移动应用',
  counter: '营业厅柜台',
  account_manager: '客户经理',
  sms: '短信',
  email: '电子邮件',
};

export async function slaBoard(ctx: RequestContext): Promise<z.infer<typeof SlaBoard>> {
  if (!ctx.user.permissions.has('workorder:supervise')) throw new DomainError('forbidden');
  const sql = (key: string, label: string, join = '') => `
    SELECT ${key} AS key, ${label} AS label,
           count(*)::int AS open,
           -- 预警 = the near-breach queue: a running clock past 80 % of its limit, not yet due.
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM work_order_clocks k WHERE k.order_id = w.id AND k.stopped_at IS NULL
                                            AND k.warn80_at <= $2 AND k.due_at > $2))::int AS warned,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM work_order_clocks k WHERE k.order_id = w.id AND k.stopped_at IS NULL
                                            AND k.due_at <= $2))::int AS breached,
           count(*) FILTER (WHERE w.status = 'replied' AND w.return_visit_required)::int AS awaiting_visit
      FROM work_orders w ${join}
     WHERE ${VISIBLE} AND ${OPEN}
     GROUP BY 1, 2 ORDER BY 3 DESC, 1`;
  const params = [ctx.user.scopeOrgIds, ctx.now.toISOString()];
  const byType = await ctx.db.query<{
    key: string;
    label: string;
    open: number;
    warned: number;
    breached: number;
    awaiting_visit: number;
  }>(sql('w.type', 'w.type'), params);
  const byUnit = await ctx.db.query<{
    key: string;
    label: string;
    open: number;
    warned: number;
    breached: number;
    awaiting_visit: number;
  }>(
    sql(
      `COALESCE(w.assigned_unit_id, w.org_unit_id)::text`,
      `COALESCE(u.name, '—')`,
      'LEFT JOIN org_units u ON u.id = COALESCE(w.assigned_unit_id, w.org_unit_id)',
    ),
    params,
  );
  const present = (r: {
    key: string;
    label: string;
    open: number;
    warned: number;
    breached: number;
    awaiting_visit: number;
  }) => ({
    key: r.key,
    label: r.label,
    open: r.open,
    warned: r.warned,
    breached: r.breached,
    awaitingVisit: r.awaiting_visit,
  });
  return {
    byType: byType.rows.map((r) =>
      present({ ...r, label: EXPORT_TITLES.TYPE_ZH[r.key as keyof typeof EXPORT_TITLES.TYPE_ZH] ?? r.key }),
    ),
    byUnit: byUnit.rows.map(present),
    generatedAt: ctx.now.toISOString(),
  };
}

interface RawRow {
  key: string;
  label: string;
  orders: number;
  closed: number;
  clocks_done: number;
  clocks_ok: number;
  breaches: number;
  visit_needed: number;
  visit_done: number;
  score_sum: number | null;
  score_n: number;
  fcr_base: number;
  fcr_yes: number;
}

function ratio(n: number, d: number): number | null {
  return d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null;
}

function present(r: RawRow): z.infer<typeof WorkOrderReportRow> {
  return {
    key: r.key,
    label: r.label,
    orders: r.orders,
    closed: r.closed,
    slaCompliance: ratio(r.clocks_ok, r.clocks_done),
    breaches: r.breaches,
    returnVisitRate: ratio(r.visit_done, r.visit_needed),
    satisfaction: r.score_n > 0 ? Math.round(((r.score_sum ?? 0) / r.score_n) * 10) / 10 : null,
    firstContactResolution: ratio(r.fcr_yes, r.fcr_base),
  };
}

const GROUP_KEYS = {
  type: { key: 'w.type', label: 'w.type', join: '' },
  channel: { key: 'w.channel', label: 'w.channel', join: '' },
  unit: {
    key: 'COALESCE(w.assigned_unit_id, w.org_unit_id)::text',
    label: `COALESCE(u.name, '—')`,
    join: 'LEFT JOIN org_units u ON u.id = COALESCE(w.assigned_unit_id, w.org_unit_id)',
  },
  month: {
    key: `to_char(w.accepted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`,
    label: `to_char(w.accepted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`,
    join: '',
  },
} as const;

export async function workOrderReport(
  ctx: RequestContext,
  q: z.infer<typeof WorkOrderReportQuery>,
): Promise<z.infer<typeof WorkOrderReport>> {
  requirePermission(ctx.user, 'report:read');
  if (q.from > q.to)
    throw new DomainError('validation', [{ path: 'to', message: msg('workorder.period_order') }]);
  const { fromUtc, toUtc } = periodUtc(q.from, q.to);
  const g = GROUP_KEYS[q.groupBy];
  // A clock counts once it is stopped or past due; it complied if it stopped by its deadline.
  // Return visits: orders that needed one and were replied; done = reached a person (not unreachable).
  const base = (grouped: boolean) => `
    SELECT ${grouped ? g.key : `'total'`} AS key, ${grouped ? g.label : `'合计'`} AS label,
      count(*)::int AS orders,
      count(*) FILTER (WHERE w.status = 'closed')::int AS closed,
      COALESCE(sum(k.done), 0)::int AS clocks_done,
      COALESCE(sum(k.ok), 0)::int AS clocks_ok,
      COALESCE(sum(b.n), 0)::int AS breaches,
      count(*) FILTER (WHERE w.return_visit_required AND w.replied_at IS NOT NULL)::int AS visit_needed,
      count(*) FILTER (WHERE w.return_visit_required AND w.replied_at IS NOT NULL AND v.reached)::int AS visit_done,
      sum(v.score_sum)::float AS score_sum,
      COALESCE(sum(v.score_n), 0)::int AS score_n,
      count(*) FILTER (WHERE w.type = ANY($4::text[]))::int AS fcr_base,
      count(*) FILTER (WHERE w.type = ANY($4::text[]) AND w.first_contact_resolved)::int AS fcr_yes
    FROM work_orders w ${grouped ? g.join : ''}
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE k.stopped_at IS NOT NULL OR k.due_at <= $5) AS done,
             count(*) FILTER (WHERE k.stopped_at IS NOT NULL AND k.breached_at IS NULL AND (k.due_at IS NULL OR k.stopped_at <= k.due_at)) AS ok
        FROM work_order_clocks k WHERE k.order_id = w.id) k ON true
    LEFT JOIN LATERAL (SELECT count(*) AS n FROM sla_breaches b WHERE b.order_id = w.id) b ON true
    LEFT JOIN LATERAL (
      SELECT bool_or(r.outcome <> 'unreachable') AS reached, sum(r.score) AS score_sum, count(r.score) AS score_n
        FROM work_order_return_visits r WHERE r.order_id = w.id) v ON true
    WHERE ${VISIBLE} AND w.accepted_at >= $2 AND w.accepted_at < $3
    ${grouped ? 'GROUP BY 1, 2 ORDER BY 3 DESC, 1' : ''}`;
  const params = [ctx.user.scopeOrgIds, fromUtc, toUtc, ON_THE_SPOT_REPLY_TYPES, ctx.now.toISOString()];
  const rows = await ctx.db.query<RawRow>(base(true), params);
  const total = await ctx.db.query<RawRow>(base(false), params);
  const lastYear = (iso: string) => {
    const d = new Date(iso);
    d.setUTCFullYear(d.getUTCFullYear() - 1);
    return d.toISOString();
  };
  const complaints = await ctx.db.query<{ current: number; previous: number }>(
    `SELECT count(*) FILTER (WHERE w.accepted_at >= $2 AND w.accepted_at < $3)::int AS current,
            count(*) FILTER (WHERE w.accepted_at >= $4 AND w.accepted_at < $5)::int AS previous
       FROM work_orders w WHERE ${VISIBLE} AND w.type = 'complaint'`,
    [ctx.user.scopeOrgIds, fromUtc, toUtc, lastYear(fromUtc!), lastYear(toUtc!)],
  );
  const label = (r: RawRow) => {
    if (q.groupBy === 'type')
      return EXPORT_TITLES.TYPE_ZH[r.key as keyof typeof EXPORT_TITLES.TYPE_ZH] ?? r.key;
    if (q.groupBy === 'channel') return CHANNEL_ZH[r.key] ?? r.key;
    return r.label;
  };
  const { current, previous } = complaints.rows[0];
  return {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    rows: rows.rows.map((r) => present({ ...r, label: label(r) })),
    total: present(total.rows[0]),
    complaints: {
      current,
      previousYear: previous,
      change: previous > 0 ? Math.round(((current - previous) / previous) * 1000) / 1000 : null,
    },
  };
}
