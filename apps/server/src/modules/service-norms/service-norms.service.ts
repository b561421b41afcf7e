// The service norms catalogue (服务规范, domain.md §4, [S002]): everyone at work reads it; config:admin
// keeps it. The work-order module shows the norms matching each order through findNormsFor().
import type {
  ServiceNorm,
  ServiceNormInput,
  ServiceNormListQuery,
  ServiceNormUpdate,
} from '@gridcare/contracts';
import { writeAudit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requirePermission } from '../../platform/auth/context';
import type { Db } from '../../platform/db/db';
import { notFound, versionConflict } from '../../platform/http/errors';
import {
  findNorm,
  insertNorm,
  listNorms,
  matchNorms,
  retireNorm,
  updateNorm,
  type NormValues,
} from './service-norms.repository';

/**
 * The active norms an agent follows on an order of this type: with a sub-category, that
 * sub-category's own norms first and then the type's general ones (norms of other sub-categories are
 * left out); without one, every norm of the type.
 */
export async function findNormsFor(
  db: Db,
  q: { type: string; subCategory?: string | null },
): Promise<ServiceNorm[]> {
  return matchNorms(db, q.type, q.subCategory || null);
}

export async function listServiceNorms(
  ctx: RequestContext,
  q: ServiceNormListQuery,
): Promise<{ items: ServiceNorm[]; total: number; page: number; pageSize: number }> {
  const r = await listNorms(
    ctx.db,
    {
      category: q.category,
      type: q.type,
      subCategory: q.subCategory,
      textPattern: q.q ? containsPattern(q.q) : undefined,
      status: q.status,
    },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  return { ...r, page: q.page, pageSize: q.pageSize };
}

export async function getServiceNorm(ctx: RequestContext, id: number): Promise<ServiceNorm> {
  const norm = await findNorm(ctx.db, id);
  if (!norm) throw notFound();
  return norm;
}

function valuesOf(input: ServiceNormInput): NormValues {
  return {
    code: input.code,
    category: input.category,
    title: input.title,
    responsibleRole: input.responsibleRole,
    standard: input.standard,
    timeLimitText: input.timeLimitText,
    timeLimit: input.timeLimit ?? null,
    assistingDepartments: [...new Set(input.assistingDepartments)],
    appliesToTypes: [...new Set(input.appliesToTypes)],
    subCategories: [...new Set(input.subCategories)],
    active: input.active,
  };
}

/** A LIKE pattern matching `text` anywhere, with the user's own % and _ taken literally. */
function containsPattern(text: string): string {
  return '%' + text.replace(/[\\%_]/g, (ch) => '\\' + ch) + '%';
}

const actorOf = (ctx: RequestContext) => ({ id: ctx.user.id, name: ctx.user.displayName });

/** Runs inside the caller's transaction (the route wraps it in runIdempotent). */
export async function createServiceNorm(
  ctx: RequestContext,
  tx: Db,
  input: ServiceNormInput,
): Promise<ServiceNorm> {
  requirePermission(ctx.user, 'config:admin');
  const norm = await insertNorm(tx, valuesOf(input));
  await writeAudit(tx, {
    actor: actorOf(ctx),
    action: 'service_norm.create',
    entity: 'service_norm',
    entityId: norm.id,
    after: norm,
    requestId: ctx.requestId,
  });
  return norm;
}

export async function updateServiceNorm(
  ctx: RequestContext,
  id: number,
  input: ServiceNormUpdate,
): Promise<ServiceNorm> {
  requirePermission(ctx.user, 'config:admin');
  return ctx.db.transaction(async (tx) => {
    const before = await findNorm(tx, id, true);
    if (!before) throw notFound();
    if (before.version !== input.version) throw versionConflict();
    const after = await updateNorm(tx, id, input.version, valuesOf(input));
    if (!after) throw versionConflict();
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'service_norm.update',
      entity: 'service_norm',
      entityId: id,
      before,
      after,
      requestId: ctx.requestId,
    });
    return after;
  });
}

/** DELETE retires a norm: orders that showed it keep their history, agents no longer see it. */
export async function retireServiceNorm(
  ctx: RequestContext,
  id: number,
  version: number,
): Promise<ServiceNorm> {
  requirePermission(ctx.user, 'config:admin');
  return ctx.db.transaction(async (tx) => {
    const before = await findNorm(tx, id, true);
    if (!before) throw notFound();
    if (before.version !== version) throw versionConflict();
    const after = await retireNorm(tx, id, version);
    if (!after) throw versionConflict();
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'service_norm.retire',
      entity: 'service_norm',
      entityId: id,
      before: { active: before.active, version: before.version },
      after: { active: after.active, version: after.version },
      requestId: ctx.requestId,
    });
    return after;
  });
}
