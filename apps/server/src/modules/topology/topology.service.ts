// Topology use cases: browse and maintain substations, feeders and transformer areas; place premises.
import type { z } from 'zod';
import type {
  FeederCreate,
  FeederListQuery,
  SubstationCreate,
  TopologyListQuery,
  TopologyTree,
  TransformerAreaCreate,
  TransformerAreaListQuery,
} from '@gridcare/contracts';
import { requireInScope, requirePermission, type RequestContext } from '../../platform/auth/context';
import { writeAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/db';
import { invalid } from '../../platform/http/errors';
import * as repo from './topology.repository';

type ListQuery = z.infer<typeof TopologyListQuery>;

function page(q: ListQuery) {
  return { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
}

export async function listSubstations(ctx: RequestContext, q: ListQuery) {
  requirePermission(ctx.user, 'customer:read');
  const r = await repo.listSubstations(ctx.db, { scope: ctx.user.scopeOrgIds, q: q.q, ...page(q) });
  return { items: r.rows, page: q.page, pageSize: q.pageSize, total: r.total };
}

export async function listFeeders(ctx: RequestContext, q: z.infer<typeof FeederListQuery>) {
  requirePermission(ctx.user, 'customer:read');
  const r = await repo.listFeeders(ctx.db, {
    scope: ctx.user.scopeOrgIds,
    q: q.q,
    parentId: q.substationId,
    ...page(q),
  });
  return { items: r.rows, page: q.page, pageSize: q.pageSize, total: r.total };
}

export async function listTransformerAreas(ctx: RequestContext, q: z.infer<typeof TransformerAreaListQuery>) {
  requirePermission(ctx.user, 'customer:read');
  const r = await repo.listTransformerAreas(ctx.db, {
    scope: ctx.user.scopeOrgIds,
    q: q.q,
    parentId: q.feederId,
    ...page(q),
  });
  return { items: r.rows, page: q.page, pageSize: q.pageSize, total: r.total };
}

async function audited<T extends { id: number; orgUnitId: number }>(
  ctx: RequestContext,
  entity: string,
  fn: (tx: Db) => Promise<T>,
) {
  return ctx.db.transaction(async (tx) => {
    const row = await fn(tx);
    await writeAudit(tx, {
      actor: { id: ctx.user.id, name: ctx.user.displayName },
      action: 'create',
      entity,
      entityId: row.id,
      orgUnitId: row.orgUnitId,
      after: row,
      requestId: ctx.requestId,
    });
    return row;
  });
}

export async function createSubstation(ctx: RequestContext, body: z.infer<typeof SubstationCreate>) {
  requirePermission(ctx.user, 'org:admin');
  requireInScope(ctx.user, body.orgUnitId);
  return audited(ctx, 'substation', (tx) => repo.insertSubstation(tx, body));
}

/** A child defaults to its parent's org unit; the parent must be one the caller can see. */
async function childUnit(
  ctx: RequestContext,
  table: 'substations' | 'feeders',
  parentId: number,
  path: string,
  orgUnitId?: number,
) {
  const parentUnit = await repo.findOwnerUnit(ctx.db, table, parentId);
  if (parentUnit == null || !ctx.user.scopeOrgIds.includes(parentUnit))
    throw invalid(path, 'msg:error.not_found');
  const unit = orgUnitId ?? parentUnit;
  requireInScope(ctx.user, unit);
  return unit;
}

export async function createFeeder(ctx: RequestContext, body: z.infer<typeof FeederCreate>) {
  requirePermission(ctx.user, 'org:admin');
  const orgUnitId = await childUnit(
    ctx,
    'substations',
    body.substationId,
    'body.substationId',
    body.orgUnitId,
  );
  return audited(ctx, 'feeder', (tx) =>
    repo.insertFeeder(tx, { substationId: body.substationId, orgUnitId, code: body.code, name: body.name }),
  );
}

export async function createTransformerArea(
  ctx: RequestContext,
  body: z.infer<typeof TransformerAreaCreate>,
) {
  requirePermission(ctx.user, 'org:admin');
  const orgUnitId = await childUnit(ctx, 'feeders', body.feederId, 'body.feederId', body.orgUnitId);
  return audited(ctx, 'transformer_area', (tx) =>
    repo.insertTransformerArea(tx, {
      feederId: body.feederId,
      orgUnitId,
      code: body.code,
      name: body.name,
      capacityKva: body.capacityKva ?? null,
    }),
  );
}

const TREE_LIMITS = { substations: 50, feeders: 500, areas: 2000 };

/** Substation → feeders → transformer areas with customer counts, under one org unit (or the whole scope). */
export async function topologyTree(
  ctx: RequestContext,
  orgUnitId: number | undefined,
): Promise<TopologyTree> {
  requirePermission(ctx.user, 'customer:read');
  const scope = ctx.user.scopeOrgIds;
  const units = orgUnitId == null ? scope : await unitsUnder(ctx.db, orgUnitId, scope);
  const rows = await repo.treeRows(ctx.db, units, TREE_LIMITS);
  const counts = await repo.customerCounts(
    ctx.db,
    rows.areas.map((a) => a.id),
    rows.feeders.map((f) => f.id),
    scope,
  );
  const truncated =
    rows.substations.length >= TREE_LIMITS.substations ||
    rows.feeders.length >= TREE_LIMITS.feeders ||
    rows.areas.length >= TREE_LIMITS.areas;
  return {
    truncated,
    substations: rows.substations.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      feeders: rows.feeders
        .filter((f) => f.substation_id === s.id)
        .map((f) => ({
          id: f.id,
          code: f.code,
          name: f.name,
          directCustomers: counts.byFeeder.get(f.id) ?? 0,
          areas: rows.areas
            .filter((a) => a.feeder_id === f.id)
            .map((a) => ({ id: a.id, code: a.code, name: a.name, customers: counts.byArea.get(a.id) ?? 0 })),
        })),
    })),
  };
}

async function unitsUnder(db: Db, orgUnitId: number, scope: number[]): Promise<number[]> {
  const r = await db.query<{ id: number }>(
    `SELECT d.id FROM org_units o JOIN org_units d ON d.path LIKE o.path || '%' WHERE o.id = $1`,
    [orgUnitId],
  );
  return r.rows.map((x) => x.id).filter((id) => scope.includes(id));
}

/**
 * Checks a premise's grid references (400 on an unknown id) and completes the feeder from the
 * transformer area: an LV service point hangs off its area's feeder.
 */
export async function resolvePremiseTopology(
  db: Db,
  ref: { transformerAreaId?: number | null; feederId?: number | null },
  path: string,
): Promise<{ transformerAreaId: number | null; feederId: number | null }> {
  let feederId = ref.feederId ?? null;
  const areaId = ref.transformerAreaId ?? null;
  if (areaId != null) {
    const area = await repo.findAreaFeeder(db, areaId);
    if (!area) throw invalid(`${path}.transformerAreaId`, 'msg:error.not_found');
    if (feederId != null && feederId !== area.feederId)
      throw invalid(`${path}.feederId`, '台区不属于所选线路 (the transformer area is on another feeder)');
    feederId = area.feederId;
  } else if (feederId != null && !(await repo.feederExists(db, feederId))) {
    throw invalid(`${path}.feederId`, 'msg:error.not_found');
  }
  return { transformerAreaId: areaId, feederId };
}
