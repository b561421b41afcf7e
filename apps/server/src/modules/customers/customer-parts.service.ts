// Contacts, premises, accounts, meters and transformers of a customer: create / update / delete, each
// scoped through its customer, audited, put on the customer's timeline, and keeping search current.
import { requirePermission, type RequestContext } from '../../platform/auth/context';
import { writeAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/db';
import { DomainError, notFound, versionConflict } from '../../platform/http/errors';
import { appendTimeline } from '../../platform/timeline';
import { refreshSearchText } from './customer-search-text';
import {
  deletePart,
  findPartInScope,
  insertPart,
  updatePart,
  type PartSpec,
} from './customer-parts.repository';
import { findCustomerInScope, touchCustomer } from './customers.repository';
import { actorOf } from './customers.service';

const LABEL: Record<PartSpec<unknown>['entity'], string> = {
  contact: '联系人',
  premise: '用电地址',
  account: '用电户',
  meter: '电能表',
  transformer: '受电变压器',
};

export interface PartHooks<T> {
  /** Turns the request body into column values (validation against the database happens here). */
  prepare(
    tx: Db,
    owner: { customerId: number; orgUnitId: number },
    existing: T | null,
  ): Promise<Record<string, unknown>>;
  /** Whether the change alters what the search box finds (names, addresses, phones, account numbers). */
  refreshesSearch: boolean;
  /** Describes the row on the timeline. */
  describe(part: T): string;
}

async function record(
  tx: Db,
  ctx: RequestContext,
  e: {
    action: 'create' | 'update' | 'delete';
    entity: string;
    id: number;
    customerId: number;
    orgUnitId: number;
    before?: unknown;
    after?: unknown;
    text: string;
  },
  refresh: boolean,
) {
  await writeAudit(tx, {
    actor: actorOf(ctx),
    action: e.action,
    entity: e.entity,
    entityId: e.id,
    orgUnitId: e.orgUnitId,
    before: e.before,
    after: e.after,
    requestId: ctx.requestId,
  });
  const verb = { create: '新增', update: '修改', delete: '删除' }[e.action];
  const kind = { create: 'created', update: 'updated', delete: 'deleted' }[e.action];
  await appendTimeline(tx, {
    customerId: e.customerId,
    orgUnitId: e.orgUnitId,
    kind: `${e.entity}_${kind}`,
    title: `${verb}${LABEL[e.entity as keyof typeof LABEL]}：${e.text}`,
    actor: actorOf(ctx),
    refEntity: e.entity,
    refId: e.id,
  });
  if (refresh) await refreshSearchText(tx, [e.customerId]);
  await touchCustomer(tx, e.customerId);
}

export async function createPart<T extends { id: number }>(
  ctx: RequestContext,
  spec: PartSpec<T>,
  hooks: PartHooks<T>,
  customerId: number,
): Promise<T> {
  requirePermission(ctx.user, 'customer:write');
  const customer = await findCustomerInScope(ctx.db, customerId, ctx.user.scopeOrgIds);
  if (!customer) throw notFound();
  const owner = { customerId, orgUnitId: customer.orgUnitId };
  return ctx.db.transaction(async (tx) => {
    const part = await insertPart(tx, spec, owner, await hooks.prepare(tx, owner, null));
    await record(
      tx,
      ctx,
      {
        action: 'create',
        entity: spec.entity,
        id: part.id,
        ...owner,
        after: part,
        text: hooks.describe(part),
      },
      hooks.refreshesSearch,
    );
    return part;
  });
}

export async function updatePartById<T extends { id: number; version: number }>(
  ctx: RequestContext,
  spec: PartSpec<T>,
  hooks: PartHooks<T>,
  id: number,
  version: number,
): Promise<T> {
  requirePermission(ctx.user, 'customer:write');
  const found = await findPartInScope(ctx.db, spec, id, ctx.user.scopeOrgIds);
  if (!found) throw notFound();
  if (found.part.version !== version) throw versionConflict();
  const owner = { customerId: found.customerId, orgUnitId: found.orgUnitId };
  return ctx.db.transaction(async (tx) => {
    const updated = await updatePart(tx, spec, id, version, await hooks.prepare(tx, owner, found.part));
    if (!updated) throw versionConflict();
    await record(
      tx,
      ctx,
      {
        action: 'update',
        entity: spec.entity,
        id,
        ...owner,
        before: found.part,
        after: updated,
        text: hooks.describe(updated),
      },
      hooks.refreshesSearch,
    );
    return updated;
  });
}

export async function deletePartById<T extends { id: number; version: number }>(
  ctx: RequestContext,
  spec: PartSpec<T>,
  hooks: Pick<PartHooks<T>, 'refreshesSearch' | 'describe'> & { guard?: (tx: Db, part: T) => Promise<void> },
  id: number,
  version: number | undefined,
): Promise<{ ok: true }> {
  requirePermission(ctx.user, 'customer:write');
  const found = await findPartInScope(ctx.db, spec, id, ctx.user.scopeOrgIds);
  if (!found) throw notFound();
  if (version !== undefined && found.part.version !== version) throw versionConflict();
  const owner = { customerId: found.customerId, orgUnitId: found.orgUnitId };
  await ctx.db.transaction(async (tx) => {
    await hooks.guard?.(tx, found.part);
    if (!(await deletePart(tx, spec, id, version ?? found.part.version))) throw versionConflict();
    await record(
      tx,
      ctx,
      {
        action: 'delete',
        entity: spec.entity,
        id,
        ...owner,
        before: found.part,
        text: hooks.describe(found.part),
      },
      hooks.refreshesSearch,
    );
  });
  return { ok: true };
}

/** A part that other rows still point at cannot go (close an account instead of deleting it). */
export function stillReferenced(path: string, what: string): DomainError {
  return new DomainError('conflict', [{ path, message: what }]);
}
