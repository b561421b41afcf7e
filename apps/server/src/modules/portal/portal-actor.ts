// The portal acts on the work-order service as a system user, `portal` (网上营业厅（客户自助）, created by
// the portal migration: inactive, no roles, no usable password), holding just the permission a step needs
// and only over the customer's own org unit. Steps it takes are logged under that name, never a staff one.
import type { Permission } from '@gridcare/domain';
import type { RequestContext } from '../../platform/auth/context';
import { databaseKey, type Db } from '../../platform/db/db';
import { findSystemActor } from './portal.repository';

export interface PortalActor {
  id: number;
  displayName: string;
  locale: string;
}

// One row that never changes after the migration: read once per database.
const actors = new WeakMap<object, PortalActor>();

export async function portalActor(db: Db): Promise<PortalActor> {
  const known = actors.get(databaseKey(db));
  if (known) return known;
  const row = await findSystemActor(db);
  if (!row) throw new Error('the portal system user is missing (migration 20261123_0105_portal.sql)');
  const actor = { id: row.id, displayName: row.display_name, locale: row.locale };
  actors.set(databaseKey(db), actor);
  return actor;
}

/** A service context for the portal's system user with `permissions` over `scopeOrgIds` only. */
export async function portalServiceContext(
  db: Db,
  opts: { scopeOrgIds: number[]; permissions: Permission[]; requestId: string; now: Date },
): Promise<RequestContext> {
  const actor = await portalActor(db);
  return {
    db,
    user: {
      id: actor.id,
      username: 'portal',
      displayName: actor.displayName,
      locale: actor.locale,
      roles: [],
      permissions: new Set(opts.permissions),
      scopeOrgIds: opts.scopeOrgIds,
    },
    requestId: opts.requestId,
    now: opts.now,
  };
}
