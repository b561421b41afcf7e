// What every order intake reads and almost never changes — the org tree, the routing rules and the
// time-limit version in force — kept in each process for CONFIG_CACHE_MS, so a busy intake does not
// re-read them for every call. An edit in this process clears the cache at once; other processes see it
// within CONFIG_CACHE_MS.
import type { DepartmentKind, RoutingRule, TimeLimitRule } from '@gridcare/domain';
import { databaseKey, type Db } from '../../platform/db/db';
import { loadRoutingRules, timeLimitsAt } from './workorders-config.service';

const CONFIG_CACHE_MS = 10_000;

export interface OrgUnitNode {
  id: number;
  parentId: number | null;
  name: string;
  kind: string;
  deptKind: string | null;
  areaClass: string | null;
  path: string;
  active: boolean;
}

export class OrgTree {
  private readonly byId = new Map<number, OrgUnitNode>();
  private readonly children = new Map<number, OrgUnitNode[]>();

  constructor(units: OrgUnitNode[]) {
    for (const u of units) {
      this.byId.set(u.id, u);
      if (u.parentId !== null) {
        const list = this.children.get(u.parentId) ?? [];
        list.push(u);
        this.children.set(u.parentId, list);
      }
    }
  }

  /** True when the ids include every top unit (no parent): such a scope covers everything. */
  coversRoot(ids: readonly number[]): boolean {
    const roots = [...this.byId.values()].filter((u) => u.parentId === null).map((u) => u.id);
    const held = new Set(ids);
    return roots.length > 0 && roots.every((id) => held.has(id));
  }

  get(id: number): OrgUnitNode | undefined {
    return this.byId.get(id);
  }

  /** The unit and its ancestors, nearest first. */
  private lineage(id: number): OrgUnitNode[] {
    const u = this.byId.get(id);
    if (!u) return [];
    return u.path
      .split('/')
      .filter(Boolean)
      .map(Number)
      .reverse()
      .map((x) => this.byId.get(x))
      .filter((x): x is OrgUnitNode => x !== undefined);
  }

  /** The department of a kind closest above the unit (a branch's own department before the company's). */
  nearestDepartment(id: number, dept: DepartmentKind): number | null {
    for (const a of this.lineage(id)) {
      const d = (this.children.get(a.id) ?? [])
        .filter((c) => c.kind === 'department' && c.deptKind === dept && c.active)
        .sort((x, y) => x.id - y.id)[0];
      if (d) return d.id;
    }
    return null;
  }

  nearestSupplyOffice(id: number): number | null {
    return this.lineage(id).find((a) => a.kind === 'supply_office' && a.active)?.id ?? null;
  }
}

interface Entry<T> {
  value: Promise<T>;
  at: number;
}
// Keyed by the database, not the handle: every transaction is a new handle on the same database.
const caches = new WeakMap<object, Map<string, Entry<unknown>>>();
const allMaps = new Set<Map<string, Entry<unknown>>>();

function cached<T>(db: Db, key: string, load: () => Promise<T>): Promise<T> {
  let map = caches.get(databaseKey(db));
  if (!map) {
    map = new Map();
    caches.set(databaseKey(db), map);
    allMaps.add(map);
  }
  const hit = map.get(key) as Entry<T> | undefined;
  if (hit && Date.now() - hit.at < CONFIG_CACHE_MS) return hit.value;
  const value = load();
  map.set(key, { value, at: Date.now() });
  value.catch(() => map.delete(key));
  return value;
}

/** After an edit of the org tree, a routing rule or a time-limit version in this process. */
export function forgetWorkOrderConfig(): void {
  for (const map of allMaps) map.clear();
}

export function orgTree(db: Db): Promise<OrgTree> {
  return cached(db, 'org', async () => {
    const r = await db.query<{
      id: number;
      parent_id: number | null;
      name: string;
      kind: string;
      dept_kind: string | null;
      area_class: string | null;
      path: string;
      active: boolean;
    }>(`SELECT id, parent_id, name, kind, dept_kind, area_class, path, active FROM org_units`);
    return new OrgTree(
      r.rows.map((u) => ({
        id: u.id,
        parentId: u.parent_id,
        name: u.name,
        kind: u.kind,
        deptKind: u.dept_kind,
        areaClass: u.area_class,
        path: u.path,
        active: u.active,
      })),
    );
  });
}

export function routingRules(db: Db): Promise<(RoutingRule & { dbId: number })[]> {
  return cached(db, 'routing', () => loadRoutingRules(db));
}

/** The time-limit version in force now (versions start in the future at the earliest, so a cached
 * answer is wrong only if a version takes effect within the cache period — checked by its start). */
export async function currentTimeLimits(
  db: Db,
  now: Date,
): Promise<{ versionId: number; rules: TimeLimitRule[] }> {
  const entry = await cached(db, 'limits', async () => {
    const next = await db.query<{ effective_from: string | null }>(
      `SELECT min(effective_from) AS effective_from FROM time_limit_versions WHERE effective_from > now()`,
    );
    return { current: await timeLimitsAt(db, new Date()), nextStart: next.rows[0]?.effective_from ?? null };
  });
  if (entry.nextStart && new Date(entry.nextStart) <= now) return timeLimitsAt(db, now);
  return entry.current;
}
