// The delivery worker: claims due outbox rows (FOR UPDATE SKIP LOCKED), sends each through its channel
// adapter outside any transaction, and records the result — sent, retry later with backoff, or dead.
// A worker killed mid-send leaves its rows in `sending`; when the lease runs out another worker claims
// them again (at-least-once delivery: a message may, rarely, go out twice, but is never lost).
import { retryAfterFailure } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { DeliveryFailure, type ChannelAdapters } from './channels/channel';
import { claimDueMessages, markFailed, markSent, type ClaimRef, type OutboxRow } from './outbox.repository';

export const DEFAULT_LEASE_MS = 2 * 60_000;
export const DEFAULT_SEND_TIMEOUT_MS = 30_000;

export interface DeliveryRunResult {
  claimed: number;
  sent: number;
  failed: number;
  dead: number;
}

export interface DeliveryOptions {
  now?: Date;
  limit?: number;
  leaseMs?: number;
  sendTimeoutMs?: number;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeliveryFailure(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

async function deliverOne(
  db: Db,
  channels: ChannelAdapters,
  row: OutboxRow,
  now: Date,
  clock: () => Date,
  sendTimeoutMs: number,
): Promise<'sent' | 'failed' | 'dead'> {
  const claim: ClaimRef = { id: row.id, createdAt: row.created_at, attempts: row.attempts };
  const expiresAt = row.expires_at ? new Date(row.expires_at) : null;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    await markFailed(db, claim, { now, error: 'expired before it could be sent', nextAttemptAt: null });
    return 'dead';
  }
  const adapter = channels[row.channel];
  try {
    if (!adapter) throw new DeliveryFailure(`no adapter configured for channel ${row.channel}`);
    const result = await withTimeout(adapter.send(row, { db }), sendTimeoutMs);
    await markSent(db, claim, { now: clock(), providerMessageId: result.providerMessageId });
    return 'sent';
  } catch (e) {
    const permanent = e instanceof DeliveryFailure && e.permanent;
    const decision = retryAfterFailure({
      now,
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      permanent,
      expiresAt,
    });
    const error = e instanceof Error ? e.message : String(e);
    await markFailed(db, claim, {
      now,
      error:
        decision.action === 'dead' && decision.reason !== 'attempts_exhausted'
          ? `${decision.reason}: ${error}`
          : error,
      nextAttemptAt: decision.action === 'retry' ? decision.nextAttemptAt : null,
    });
    return decision.action === 'retry' ? 'failed' : 'dead';
  }
}

/** Delivers one batch of due messages. `now` is injectable so tests can step through the backoff. */
export async function deliverDueNotifications(
  db: Db,
  channels: ChannelAdapters,
  opts: DeliveryOptions = {},
): Promise<DeliveryRunResult> {
  const now = opts.now ?? new Date();
  const rows = await claimDueMessages(db, {
    now,
    leaseUntil: new Date(now.getTime() + (opts.leaseMs ?? DEFAULT_LEASE_MS)),
    limit: opts.limit ?? 50,
  });
  const result: DeliveryRunResult = { claimed: rows.length, sent: 0, failed: 0, dead: 0 };
  const clock = () => opts.now ?? new Date();
  for (const row of rows) {
    const timeout = opts.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
    const outcome = await deliverOne(db, channels, row, now, clock, timeout);
    result[outcome]++;
  }
  return result;
}

/** Delivers batches until nothing is due (bounded, so one call cannot run forever). */
export async function drainNotifications(
  db: Db,
  channels: ChannelAdapters,
  opts: DeliveryOptions & { maxBatches?: number } = {},
): Promise<DeliveryRunResult> {
  const total: DeliveryRunResult = { claimed: 0, sent: 0, failed: 0, dead: 0 };
  for (let i = 0; i < (opts.maxBatches ?? 20); i++) {
    const r = await deliverDueNotifications(db, channels, opts);
    total.claimed += r.claimed;
    total.sent += r.sent;
    total.failed += r.failed;
    total.dead += r.dead;
    if (r.claimed < (opts.limit ?? 50)) break;
  }
  return total;
}
