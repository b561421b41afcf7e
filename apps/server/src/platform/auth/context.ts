// What a service needs to know about the caller: who, with which permissions, over which org units.
import type { Permission, Role } from '@gridcare/domain';
import type { Db } from '../db/db';
import { DomainError } from '../http/errors';

export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  locale: string;
  roles: { role: Role; orgUnitId: number; orgUnitName?: string }[];
  permissions: Set<Permission>;
  /** Every org unit id the user may see: the units of their roles and all descendants. */
  scopeOrgIds: number[];
}

export interface RequestContext {
  db: Db;
  user: AuthUser;
  requestId: string;
  now: Date;
}

export function requirePermission(user: AuthUser, permission: Permission): void {
  if (!user.permissions.has(permission)) throw new DomainError('forbidden');
}

export function hasRole(user: AuthUser, role: Role): boolean {
  return user.roles.some((r) => r.role === role);
}

export function inScope(user: AuthUser, orgUnitId: number): boolean {
  return user.scopeOrgIds.includes(orgUnitId);
}

/** Throws 403 unless the org unit is inside the caller's scope (used when writing into a unit). */
export function requireInScope(user: AuthUser, orgUnitId: number): void {
  if (!inScope(user, orgUnitId)) throw new DomainError('forbidden');
}
