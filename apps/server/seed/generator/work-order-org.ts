// Where generated orders go and which limits they run under: the org tree, the active routing rules and
// the time-limit versions, read once and answered in memory. The unit rules are the service's own: its
// OrgTree (workorder-config-cache.ts) finds the department of the rule's kind closest above the order's
// unit, or the supply office of the service point for fault repair (production when there is none), as
// routeOrder does for every intake.
import {
  matchRoutingRule,
  type AreaClass,
  type DepartmentKind,
  type RoutingRule,
  type TimeLimitRule,
  type WorkOrderType,
} from '@gridcare/domain';
import type { Db } from '../../src/platform/db/db';
import { timeLimitRules } from '../../src/modules/workorders/workorders-config.service';
import { orgTree, routingRules, type OrgTree } from '../../src/modules/workorders/workorder-config-cache';

export interface UnitRow {
  id: number;
  parent_id: number | null;
  path: string;
  code: string;
  name: string;
  kind: string;
  dept_kind: string | null;
  area_class: string | null;
  active: boolean;
}

export interface Route {
  unitId: number | null;
  ruleId: number | null;
}

export class OrgMap {
  readonly byId = new Map<number, UnitRow>();
  private readonly routeCache = new Map<string, Route>();

  private constructor(
    readonly units: UnitRow[],
    private readonly tree: OrgTree,
    private readonly rules: (RoutingRule & { dbId: number })[],
    /** Time-limit versions, newest first. */
    private readonly versions: { id: number; from: number; rules: TimeLimitRule[] }[],
  ) {
    for (const u of units) this.byId.set(u.id, u);
  }

  static async load(db: Db): Promise<OrgMap> {
    const units = (
      await db.query<UnitRow>(
        `SELECT id, parent_id, path, code, name, kind, dept_kind, area_class, active FROM org_units ORDER BY id`,
      )
    ).rows;
    const versions = (
      await db.query<{ id: number; effective_from: string }>(
        `SELECT id, effective_from FROM time_limit_versions ORDER BY effective_from DESC, id DESC`,
      )
    ).rows;
    const withRules = [];
    for (const v of versions)
      withRules.push({
        id: v.id,
        from: new Date(v.effective_from).getTime(),
        rules: await timeLimitRules(db, v.id),
      });
    return new OrgMap(units, await orgTree(db), await routingRules(db), withRules);
  }

  get supplyOffices(): UnitRow[] {
    return this.units.filter((u) => u.kind === 'supply_office' && u.active);
  }

  /** The version in force at `at` (timeLimitsAt). */
  limitsAt(at: number): { versionId: number; rules: TimeLimitRule[] } {
    const v = this.versions.find((x) => x.from <= at) ?? this.versions[this.versions.length - 1];
    return { versionId: v.id, rules: v.rules };
  }

  private pathOf(unitId: number): string {
    return this.byId.get(unitId)?.path ?? '/';
  }

  nearestDepartment(unitId: number, dept: DepartmentKind): number | null {
    return this.tree.nearestDepartment(unitId, dept);
  }

  serviceCentreOf(unitId: number): number {
    return this.nearestDepartment(unitId, 'service_centre') ?? unitId;
  }

  /** routeOrder: the receiving unit by the routing rules, and the rule that decided it. */
  route(o: {
    type: WorkOrderType;
    subCategory: string | null;
    orgUnitId: number;
    areaClass: string | null;
    tier: string | null;
  }): Route {
    const key = `${o.type}|${o.subCategory}|${o.orgUnitId}|${o.areaClass}|${o.tier}`;
    const cached = this.routeCache.get(key);
    if (cached) return cached;
    const rule = matchRoutingRule(
      {
        type: o.type,
        subCategory: o.subCategory,
        orgPath: this.pathOf(o.orgUnitId),
        areaClass: o.areaClass as AreaClass | null,
        tier: o.tier,
      },
      this.rules,
    );
    let route: Route = { unitId: null, ruleId: null };
    if (rule) {
      const dbRule = this.rules.find((r) => r.id === rule.id)!;
      // workorders.service.ts unitForTarget
      const unitId = rule.target.toServicePointOffice
        ? (this.tree.nearestSupplyOffice(o.orgUnitId) ?? this.nearestDepartment(o.orgUnitId, 'production'))
        : rule.target.department
          ? this.nearestDepartment(o.orgUnitId, rule.target.department)
          : null;
      route = { unitId, ruleId: dbRule.dbId };
    }
    this.routeCache.set(key, route);
    return route;
  }
}
