// Portal login (网上营业厅, domain.md §18): account number → a 6-digit code by SMS to the phone registered
// for that account → a portal session bound to the customer.
//
// No account enumeration: asking for a code answers the same whether the account exists, has a mobile, or
// neither — it never shows the (masked) phone, which would also let anyone collect masked numbers for
// sequential account numbers; the masked phone is shown after login (GET /api/portal/me). The rate limit
// counts every request per typed account number, so a 429 says nothing either; and every failed login
// (wrong, expired, used, or exhausted code, or no such account) is the same 401 `bad_code`.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import {
  PORTAL_CODE_MAX_WRONG_TRIES,
  PORTAL_CODE_MIN_INTERVAL_SECONDS,
  PORTAL_CODE_VALID_MINUTES,
  PORTAL_SESSION_IDLE_MINUTES,
  codeRequestDecision,
  formatLoginCode,
  isValidMobile,
  type CodeRequestDecision,
} from '@gridcare/domain';
import { msg, type PortalCodeSent, type PortalLoginBody } from '@gridcare/contracts';
import { writeAudit } from '../../platform/audit/audit';
import { hashToken } from '../../platform/auth/auth.service';
import type { Db } from '../../platform/db/db';
import { DomainError } from '../../platform/http/errors';
import { enqueueNotification } from '../notifications/notifications.outbox';
import * as repo from './portal.repository';
import { portalActor } from './portal-actor';

export const PORTAL_COOKIE = 'gc_portal';

/** The customer a portal session belongs to. */
export interface PortalCustomer {
  customerId: number;
  orgUnitId: number;
  /** The account number used to log in. */
  accountNo: string;
  tokenHash: string;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function hashCode(salt: string, accountNo: string, code: string): string {
  return createHash('sha256').update(`${salt}:${accountNo}:${code}`).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

const SENT: PortalCodeSent = {
  accepted: true,
  expiresInSeconds: PORTAL_CODE_VALID_MINUTES * 60,
  resendAfterSeconds: PORTAL_CODE_MIN_INTERVAL_SECONDS,
};

async function mobileFor(
  db: Db,
  customerId: number,
): Promise<{ contactId: number | null; mobile: string } | null> {
  for (const p of await repo.registeredPhones(db, customerId)) {
    if (isValidMobile(p.phone)) return { contactId: p.contactId, mobile: p.phone };
  }
  return null;
}

/** Sends a login code if the account exists and has a registered mobile; answers the same either way. */
export async function requestLoginCode(
  db: Db,
  input: { accountNo: string; ip?: string; requestId: string; now?: Date },
): Promise<PortalCodeSent> {
  const now = input.now ?? new Date();
  const decision = await db.transaction(async (tx): Promise<CodeRequestDecision> => {
    await repo.lockAccountNo(tx, input.accountNo);
    await repo.pruneCodeRequests(tx, input.accountNo, new Date(now.getTime() - DAY_MS));
    const earlier = await repo.codeRequestTimes(tx, input.accountNo, new Date(now.getTime() - HOUR_MS));
    const allowed = codeRequestDecision(earlier, now);
    if (!allowed.allowed) return allowed;

    const holder = await repo.findAccountHolder(tx, input.accountNo);
    const phone = holder?.active ? await mobileFor(tx, holder.customerId) : null;
    const expiresAt = new Date(now.getTime() + PORTAL_CODE_VALID_MINUTES * 60_000);
    if (!holder || !phone) {
      // Counted for the rate limit like any request, but there is nobody to send a code to.
      await repo.insertCodeRequest(tx, {
        accountNo: input.accountNo,
        customerId: holder?.customerId ?? null,
        orgUnitId: holder?.orgUnitId ?? null,
        salt: null,
        hash: null,
        expiresAt,
        ip: input.ip ?? null,
        now,
      });
      return allowed;
    }
    await repo.invalidateOpenCodes(tx, input.accountNo, now);
    const code = formatLoginCode(randomInt(0, 1_000_000));
    const salt = randomBytes(16).toString('hex');
    const id = await repo.insertCodeRequest(tx, {
      accountNo: input.accountNo,
      customerId: holder.customerId,
      orgUnitId: holder.orgUnitId,
      salt,
      hash: hashCode(salt, input.accountNo, code),
      expiresAt,
      ip: input.ip ?? null,
      now,
    });
    try {
      await enqueueNotification(
        tx,
        {
          event: 'portal.verification_code',
          channels: ['sms'],
          recipient: { customerId: holder.customerId, contactId: phone.contactId, mobile: phone.mobile },
          variables: { code, minutes: PORTAL_CODE_VALID_MINUTES },
          orgUnitId: holder.orgUnitId,
          entityType: 'portal_login_code',
          entityId: id,
          // The customer asked for this code just now: a channel opt-out for notices must not lock them
          // out. (The event ignores quiet hours anyway; this also skips the channel-preference filter.)
          safetyCritical: true,
        },
        { now },
      );
    } catch (e) {
      // An unusable template must not tell the caller more than any other request does.
      if (!(e instanceof DomainError)) throw e;
      await repo.voidCode(tx, id, now);
    }
    const actor = await portalActor(tx);
    await writeAudit(tx, {
      actor: { id: actor.id, name: `portal:${input.accountNo}` },
      action: 'portal.code_sent',
      entity: 'customer',
      entityId: holder.customerId,
      orgUnitId: holder.orgUnitId,
      after: { accountNo: input.accountNo, loginCodeId: id },
      requestId: input.requestId,
    });
    return allowed;
  });
  if (!decision.allowed) {
    throw new DomainError('rate_limited', undefined, { retryAfterSeconds: decision.retryAfterSeconds });
  }
  return SENT;
}

type CodeCheck = { ok: true; customerId: number; orgUnitId: number } | { ok: false };

async function checkCode(tx: Db, body: PortalLoginBody, now: Date): Promise<CodeCheck> {
  await repo.lockAccountNo(tx, body.accountNo);
  const open = await repo.lockOpenCode(tx, body.accountNo, now);
  if (!open) return { ok: false };
  if (!sameHash(open.code_hash, hashCode(open.code_salt, body.accountNo, body.code))) {
    await repo.recordWrongCode(tx, open.id, PORTAL_CODE_MAX_WRONG_TRIES, now);
    return { ok: false };
  }
  const holder = await repo.findAccountHolder(tx, body.accountNo);
  // The account moved to another customer, or the customer was deactivated, since the code was sent.
  if (!holder || !holder.active || holder.customerId !== open.customer_id) {
    await repo.voidCode(tx, open.id, now);
    return { ok: false };
  }
  await repo.markCodeUsed(tx, open.id, now);
  return { ok: true, customerId: holder.customerId, orgUnitId: holder.orgUnitId };
}

/** Checks the code and opens a portal session; every kind of failure is the same 401 `bad_code`. */
export async function loginWithCode(
  db: Db,
  input: PortalLoginBody & { ip?: string; userAgent?: string; requestId: string; now?: Date },
): Promise<{ token: string; customerId: number }> {
  const now = input.now ?? new Date();
  const token = randomBytes(32).toString('base64url');
  const result = await db.transaction(async (tx) => {
    const check = await checkCode(tx, input, now);
    const actor = await portalActor(tx);
    const auditActor = { id: actor.id, name: `portal:${input.accountNo}` };
    if (!check.ok) {
      await writeAudit(tx, {
        actor: auditActor,
        action: 'portal.login_failed',
        entity: 'portal_account',
        entityId: input.accountNo,
        requestId: input.requestId,
      });
      return check;
    }
    await repo.pruneExpiredSessions(tx, now);
    await repo.insertPortalSession(tx, {
      tokenHash: hashToken(token),
      customerId: check.customerId,
      orgUnitId: check.orgUnitId,
      accountNo: input.accountNo,
      expiresAt: new Date(now.getTime() + PORTAL_SESSION_IDLE_MINUTES * 60_000),
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await writeAudit(tx, {
      actor: auditActor,
      action: 'portal.login',
      entity: 'customer',
      entityId: check.customerId,
      orgUnitId: check.orgUnitId,
      after: { accountNo: input.accountNo },
      requestId: input.requestId,
    });
    return check;
  });
  if (!result.ok) throw new DomainError('bad_code', [{ path: 'code', message: msg('error.bad_code') }]);
  return { token, customerId: result.customerId };
}

/** Resolves a portal cookie to its customer, sliding the 2-hour expiry at most once a minute. */
export async function authenticatePortal(
  db: Db,
  token: string,
  now = new Date(),
): Promise<PortalCustomer | null> {
  const tokenHash = hashToken(token);
  const row = await repo.findPortalSession(db, tokenHash, now);
  if (!row) return null;
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await repo.touchPortalSession(
      db,
      tokenHash,
      now,
      new Date(now.getTime() + PORTAL_SESSION_IDLE_MINUTES * 60_000),
    );
  }
  return { customerId: row.customer_id, orgUnitId: row.org_unit_id, accountNo: row.account_no, tokenHash };
}

export async function logoutPortal(db: Db, token: string, requestId: string): Promise<void> {
  const customerId = await repo.deletePortalSession(db, hashToken(token));
  if (customerId === null) return;
  const actor = await portalActor(db);
  await writeAudit(db, {
    actor: { id: actor.id, name: 'portal' },
    action: 'portal.logout',
    entity: 'customer',
    entityId: customerId,
    requestId,
  });
}
