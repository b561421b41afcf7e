import { createHash, randomBytes } from 'node:crypto';
import { permissionsOf } from '@gridcare/domain';
import type { Db } from '../db/db';
import { DomainError } from '../http/errors';
import { writeAudit } from '../audit/audit';
import type { AuthUser } from './context';
import { hashPassword, verifyPassword } from './passwords';
import * as repo from './auth.repository';

export const SESSION_COOKIE = 'gc_session';
const SESSION_HOURS = 12;
// Lock an account for 15 minutes after 5 wrong passwords in a row.
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

// A real hash to verify against when the user does not exist, so response time does not reveal
// which usernames exist.
let dummyHash: Promise<string> | null = null;
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function login(
  db: Db,
  input: { username: string; password: string; ip?: string; userAgent?: string; requestId: string },
): Promise<{ token: string; userId: number }> {
  const user = await repo.findUserByUsername(db, input.username);
  if (!user || !user.active) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw new DomainError('bad_credentials');
  }
  if (user.locked_until && new Date(user.locked_until) > new Date()) throw new DomainError('locked');
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok) {
    await repo.recordFailedLogin(db, user.id, LOCK_AFTER_FAILURES, LOCK_MINUTES);
    await writeAudit(db, {
      actor: { id: user.id, name: user.username },
      action: 'login_failed',
      entity: 'user',
      entityId: user.id,
      requestId: input.requestId,
    });
    if (user.failed_logins + 1 >= LOCK_AFTER_FAILURES) throw new DomainError('locked');
    throw new DomainError('bad_credentials');
  }
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await repo.recordSuccessfulLogin(tx, user.id);
    await repo.insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000),
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await writeAudit(tx, {
      actor: { id: user.id, name: user.username },
      action: 'login',
      entity: 'user',
      entityId: user.id,
      requestId: input.requestId,
    });
  });
  return { token, userId: user.id };
}

export async function logout(db: Db, token: string) {
  const tokenHash = hashToken(token);
  sessionCacheFor(db).delete(tokenHash);
  await repo.deleteSession(db, tokenHash);
}

export async function loadAuthUser(
  db: Db,
  userId: number,
  base: { username: string; displayName: string; locale: string },
): Promise<AuthUser> {
  const roles = await repo.loadRoles(db, userId);
  const scopeOrgIds = await repo.descendantOrgIds(db, [...new Set(roles.map((r) => r.path))]);
  return {
    id: userId,
    username: base.username,
    displayName: base.displayName,
    locale: base.locale,
    roles: roles.map((r) => ({ role: r.role, orgUnitId: r.org_unit_id, orgUnitName: r.org_unit_name })),
    permissions: permissionsOf(roles.map((r) => r.role)),
    scopeOrgIds,
  };
}

// Roles and the expanded org scope cost two queries; they change rarely, so each process keeps them for
// a short while. Admin changes in this process clear the entry at once; other processes see them within
// AUTH_CACHE_MS. The session itself is still checked on every request, so a logout applies at once.
const AUTH_CACHE_MS = 30_000;
// Keyed by database too, so two databases served by one process (tests) never share entries.
const authCaches = new WeakMap<Db, Map<number, { user: AuthUser; at: number }>>();
const allCaches = new Set<Map<number, { user: AuthUser; at: number }>>();

function cacheFor(db: Db) {
  let cache = authCaches.get(db);
  if (!cache) {
    cache = new Map();
    authCaches.set(db, cache);
    allCaches.add(cache);
  }
  return cache;
}

// The session row itself is read once per SESSION_CACHE_MS per token and process: the busiest screens
// (the search box, the 360 page) then cost one database round trip instead of two. A logout in this
// process and a deactivation or role change take effect at once; a logout or session expiry seen only by
// another process takes effect within SESSION_CACHE_MS.
const SESSION_CACHE_MS = 3_000;
const sessionCaches = new WeakMap<Db, Map<string, { row: repo.SessionUserRow; at: number }>>();
const allSessionCaches = new Set<Map<string, { row: repo.SessionUserRow; at: number }>>();

function sessionCacheFor(db: Db) {
  let cache = sessionCaches.get(db);
  if (!cache) {
    cache = new Map();
    sessionCaches.set(db, cache);
    allSessionCaches.add(cache);
  }
  return cache;
}

async function findSession(db: Db, tokenHash: string): Promise<repo.SessionUserRow | null> {
  const cache = sessionCacheFor(db);
  const hit = cache.get(tokenHash);
  const now = Date.now();
  if (hit && now - hit.at < SESSION_CACHE_MS && new Date(hit.row.expires_at).getTime() > now) return hit.row;
  const row = await repo.findSessionUser(db, tokenHash);
  if (!row) {
    cache.delete(tokenHash);
    return null;
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(tokenHash, { row, at: now });
  return row;
}

/** Forget cached roles/scope: one user after their roles change, or everyone after the org tree changes. */
export function forgetAuthUsers(userId?: number): void {
  for (const cache of allCaches) {
    if (userId === undefined) cache.clear();
    else cache.delete(userId);
  }
  for (const cache of allSessionCaches) {
    if (userId === undefined) cache.clear();
    else for (const [k, v] of cache) if (v.row.id === userId) cache.delete(k);
  }
}

/** Resolves a session token to its user, sliding the expiry at most once a minute. */
export async function authenticate(db: Db, token: string): Promise<AuthUser | null> {
  const tokenHash = hashToken(token);
  const row = await findSession(db, tokenHash);
  if (!row) return null;
  if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
    // Slide the expiry; the cached copy is refreshed so the touch is not repeated for every request.
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
    await repo.touchSession(db, tokenHash, expiresAt);
    const touched = { ...row, last_seen_at: new Date().toISOString(), expires_at: expiresAt.toISOString() };
    sessionCacheFor(db).set(tokenHash, { row: touched, at: Date.now() });
  }
  const authCache = cacheFor(db);
  const cached = authCache.get(row.id);
  if (cached && Date.now() - cached.at < AUTH_CACHE_MS) {
    return { ...cached.user, displayName: row.display_name, locale: row.locale };
  }
  const user = await loadAuthUser(db, row.id, {
    username: row.username,
    displayName: row.display_name,
    locale: row.locale,
  });
  if (authCache.size > 10_000) authCache.clear();
  authCache.set(row.id, { user, at: Date.now() });
  return user;
}
