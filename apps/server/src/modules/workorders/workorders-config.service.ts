// Admin-editable configuration of the service centre: routing rules and the versioned time-limit table
// (architecture.md: configuration is data with effective dates; each order records the version it used).
import type { z } from 'zod';
import { msg } from '@gridcare/contracts';
import type {
  RoutingRuleBody,
  RoutingRuleUpdate,
  RoutingRuleView,
  TimeLimitVersion,
  TimeLimitVersionCreate,
} from '@gridcare/contracts';
import type {
  AreaClass,
  DepartmentKind,
  RoutingRule,
  TimeLimitKind,
  TimeLimitRule,
  TimeLimitUnit,
  WorkOrderType,
} from '@gridcare/domain';
import { requirePermission, type RequestContext } from '../../platform/auth/context';
import { writeAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/db';
import { DomainError } from '../../platform/http/errors';
import { forgetWorkOrderConfig } from './workorder-config-cache';

// --- Routing rules --------------------------------------------------------------------------------------
interface RuleRow {
  id: number;
  priority: number;
  type: string | null;
  sub_category: string | null;
  org_unit_id: number | null;
  org_unit_name: string | null;
  org_path: string | null;
  area_class: string | null;
  customer_tier: string | null;
  target_department: string | null;
  to_service_point_office: boolean;
  active: boolean;
  note: string | null;
  version: number;
}

const RULE_SELECT = `SELECT r.*, o.name AS org_unit_name, o.path AS org_path
  FROM work_order_routing_rules r LEFT JOIN org_units o ON o.id = r.org_unit_id`;

function toView(r: RuleRow): z.infer<typeof RoutingRuleView> {
  return {
    id: r.id,
    priority: r.priority,
    type: r.type as WorkOrderType | null,
    subCategory: r.sub_category,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    areaClass: r.area_class as AreaClass | null,
    customerTier: r.customer_tier,
    targetDepartment: r.target_department as DepartmentKind | null,
    toServicePointOffice: r.to_service_point_office,
    active: r.active,
    note: r.note,
    version: r.version,
  };
}

/** The active rules in the form packages/domain matches on. */
export async function loadRoutingRules(db: Db): Promise<(RoutingRule & { dbId: number })[]> {
  const r = await db.query<RuleRow>(`${RULE_SELECT} WHERE r.active ORDER BY r.id`);
  return r.rows.map((x) => ({
    dbId: x.id,
    id: String(x.id).padStart(10, '0'), // ties break on the smaller id, as strings
    priority: x.priority,
    type: (x.type ?? undefined) as WorkOrderType | undefined,
    subCategory: x.sub_category ?? undefined,
    orgPathPrefix: x.org_path ?? undefined,
    areaClass: (x.area_class ?? undefined) as AreaClass | undefined,
    tier: x.customer_tier ?? undefined,
    target: {
      department: (x.target_department ?? undefined) as DepartmentKind | undefined,
      toServicePointOffice: x.to_service_point_office,
    },
  }));
}

export async function listRoutingRules(ctx: RequestContext) {
  requirePermission(ctx.user, 'config:admin');
  const r = await ctx.db.query<RuleRow>(`${RULE_SELECT} ORDER BY r.active DESC, r.priority DESC, r.id`);
  return r.rows.map(toView);
}

function ruleParams(b: z.infer<typeof RoutingRuleBody>) {
  if (!b.targetDepartment && !b.toServicePointOffice) {
    throw new DomainError('validation', [
      { path: 'targetDepartment', message: msg('workorder.routing_target') },
    ]);
  }
  return [
    b.priority,
    b.type ?? null,
    b.subCategory ?? null,
    b.orgUnitId ?? null,
    b.areaClass ?? null,
    b.customerTier ?? null,
    b.targetDepartment ?? null,
    b.toServicePointOffice,
    b.active,
    b.note ?? null,
  ];
}

async function ruleById(db: Db, id: number): Promise<RuleRow> {
  const r = await db.query<RuleRow>(`${RULE_SELECT} WHERE r.id = $1`, [id]);
  if (!r.rows[0]) throw new DomainError('not_found');
  return r.rows[0];
}

async function checkOrgUnit(db: Db, id: number | null | undefined) {
  if (!id) return;
  const r = await db.query(`SELECT 1 FROM org_units WHERE id = $1`, [id]);
  if (r.rows.length === 0)
    throw new DomainError('validation', [{ path: 'orgUnitId', message: msg('workorder.unknown_unit') }]);
}

export async function createRoutingRule(ctx: RequestContext, b: z.infer<typeof RoutingRuleBody>) {
  requirePermission(ctx.user, 'config:admin');
  return ctx.db.transaction(async (tx) => {
    await checkOrgUnit(tx, b.orgUnitId);
    const r = await tx.query<{ id: number }>(
      `INSERT INTO work_order_routing_rules(priority, type, sub_category, org_unit_id, area_class, customer_tier,
         target_department, to_service_point_office, active, note) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
      ruleParams(b),
    );
    const after = await ruleById(tx, r.rows[0].id);
    await writeAudit(tx, {
      actor: { id: ctx.user.id, name: ctx.user.username },
      action: 'create',
      entity: 'work_order_routing_rule',
      entityId: after.id,
      after: toView(after),
      requestId: ctx.requestId,
    });
    forgetWorkOrderConfig();
    return toView(after);
  });
}

export async function updateRoutingRule(
  ctx: RequestContext,
  id: number,
  b: z.infer<typeof RoutingRuleUpdate>,
) {
  requirePermission(ctx.user, 'config:admin');
  return ctx.db.transaction(async (tx) => {
    const before = await ruleById(tx, id);
    await checkOrgUnit(tx, b.orgUnitId);
    const r = await tx.query(
      `UPDATE work_order_routing_rules SET priority = $3, type = $4, sub_category = $5, org_unit_id = $6, area_class = $7,
         customer_tier = $8, target_department = $9, to_service_point_office = $10, active = $11, note = $12,
         version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2`,
      [id, b.version, ...ruleParams(b)],
    );
    if ((r.rowCount ?? 0) === 0) throw new DomainError('version_conflict');
    const after = await ruleById(tx, id);
    await writeAudit(tx, {
      actor: { id: ctx.user.id, name: ctx.user.username },
      action: 'update',
      entity: 'work_order_routing_rule',
      entityId: id,
      before: toView(before),
      after: toView(after),
      requestId: ctx.requestId,
    });
    forgetWorkOrderConfig();
    return toView(after);
  });
}

export async function deleteRoutingRule(ctx: RequestContext, id: number) {
  requirePermission(ctx.user, 'config:admin');
  await ctx.db.transaction(async (tx) => {
    const before = await ruleById(tx, id);
    await tx.query(`DELETE FROM work_order_routing_rules WHERE id = $1`, [id]);
    await writeAudit(tx, {
      actor: { id: ctx.user.id, name: ctx.user.username },
      action: 'delete',
      entity: 'work_order_routing_rule',
      entityId: id,
      before: toView(before),
      requestId: ctx.requestId,
    });
  });
  forgetWorkOrderConfig();
  return { ok: true as const };
}

// --- Time limits ----------------------------------------------------------------------------------------
interface LimitRow {
  version_id: number;
  kind: string;
  type: string | null;
  sub_category: string | null;
  area_class: string | null;
  amount: string;
  unit: string;
}

function toRule(r: LimitRow): TimeLimitRule {
  return {
    kind: r.kind as TimeLimitKind,
    type: (r.type ?? undefined) as WorkOrderType | undefined,
    subCategory: r.sub_category ?? undefined,
    areaClass: (r.area_class ?? undefined) as AreaClass | undefined,
    limit: { amount: Number(r.amount), unit: r.unit as TimeLimitUnit },
  };
}

/** The version in force at `at` and its rules. */
export async function timeLimitsAt(db: Db, at: Date): Promise<{ versionId: number; rules: TimeLimitRule[] }> {
  const v = await db.query<{ id: number }>(
    `SELECT id FROM time_limit_versions WHERE effective_from <= $1 ORDER BY effective_from DESC, id DESC LIMIT 1`,
    [at.toISOString()],
  );
  const versionId = v.rows[0]?.id ?? 1;
  return { versionId, rules: await timeLimitRules(db, versionId) };
}

export async function timeLimitRules(db: Db, versionId: number): Promise<TimeLimitRule[]> {
  const r = await db.query<LimitRow>(`SELECT * FROM time_limit_rules WHERE version_id = $1 ORDER BY id`, [
    versionId,
  ]);
  return r.rows.map(toRule);
}

export async function listTimeLimitVersions(
  ctx: RequestContext,
): Promise<z.infer<typeof TimeLimitVersion>[]> {
  requirePermission(ctx.user, 'config:admin');
  const versions = await ctx.db.query<{
    id: number;
    effective_from: string;
    note: string | null;
    created_by_name: string | null;
    created_at: string;
  }>(
    `SELECT v.id, v.effective_from, v.note, u.display_name AS created_by_name, v.created_at
       FROM time_limit_versions v LEFT JOIN users u ON u.id = v.created_by
      ORDER BY v.effective_from DESC, v.id DESC LIMIT 50`,
  );
  const rules = await ctx.db.query<LimitRow>(
    `SELECT * FROM time_limit_rules WHERE version_id = ANY($1::bigint[]) ORDER BY id`,
    [versions.rows.map((v) => v.id)],
  );
  return versions.rows.map((v) => ({
    id: v.id,
    effectiveFrom: v.effective_from,
    note: v.note,
    createdByName: v.created_by_name,
    createdAt: v.created_at,
    rules: rules.rows
      .filter((r) => r.version_id === v.id)
      .map((r) => ({
        kind: r.kind as TimeLimitKind,
        type: r.type as WorkOrderType | null,
        subCategory: r.sub_category,
        areaClass: r.area_class as AreaClass | null,
        amount: Number(r.amount),
        unit: r.unit as TimeLimitUnit,
      })),
  }));
}

export async function createTimeLimitVersion(ctx: RequestContext, b: z.infer<typeof TimeLimitVersionCreate>) {
  requirePermission(ctx.user, 'config:admin');
  const effectiveFrom = b.effectiveFrom ? new Date(b.effectiveFrom) : ctx.now;
  // Orders already accepted keep their version; a version may not start in the past, or the clocks of
  // orders accepted since would disagree with the version they recorded.
  if (effectiveFrom.getTime() < ctx.now.getTime() - 60_000) {
    throw new DomainError('validation', [
      { path: 'effectiveFrom', message: msg('workorder.effective_past') },
    ]);
  }
  const seen = new Set<string>();
  b.rules.forEach((r, i) => {
    const key = [r.kind, r.type ?? '', r.subCategory ?? '', r.areaClass ?? ''].join('|');
    if (seen.has(key))
      throw new DomainError('validation', [{ path: `rules.${i}`, message: msg('workorder.duplicate_rule') }]);
    seen.add(key);
    if (r.unit === 'end_of_working_day' && r.amount > 10)
      throw new DomainError('validation', [
        { path: `rules.${i}.amount`, message: msg('workorder.same_day_amount') },
      ]);
  });
  const id = await ctx.db.transaction(async (tx) => {
    const v = await tx.query<{ id: number }>(
      `INSERT INTO time_limit_versions(effective_from, note, created_by) VALUES ($1,$2,$3) RETURNING id`,
      [effectiveFrom.toISOString(), b.note, ctx.user.id],
    );
    const versionId = v.rows[0].id;
    for (const r of b.rules) {
      await tx.query(
        `INSERT INTO time_limit_rules(version_id, kind, type, sub_category, area_class, amount, unit) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [versionId, r.kind, r.type ?? null, r.subCategory ?? null, r.areaClass ?? null, r.amount, r.unit],
      );
    }
    await writeAudit(tx, {
      actor: { id: ctx.user.id, name: ctx.user.username },
      action: 'create',
      entity: 'time_limit_version',
      entityId: versionId,
      after: b,
      requestId: ctx.requestId,
    });
    return versionId;
  });
  forgetWorkOrderConfig();
  const all = await listTimeLimitVersions(ctx);
  return all.find((v) => v.id === id)!;
}
