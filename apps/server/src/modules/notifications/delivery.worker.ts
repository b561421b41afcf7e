// The delivery worker: claims due outbox rows (FOR UPDATE SKIP LOCKED), sends them through their channel
// adapters outside any transaction — several at once, since each send is mostly waiting on the gateway —
// and records the results: every sent message of the batch in one statement, each failure with its own
// backoff (retry later, or dead).
// A worker killed mid-send leaves its rows in `sending`; when the lease runs out another worker claims
// them again (at-least-once delivery: a message may, rarely, go out twice, but is never lost).
import { retryAfterFailure } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { DeliveryFailure, type ChannelAdapters } from './channels/channel';
import {
  claimDueMessages,
  markFailed,
  markSentMany,
  type ClaimRef,
  type OutboxRow,
  type SentClaim,
} from './outbox.repository';

export const DEFAULT_LEASE_MS = 2 * 60_000;
export const DEFAULT_SEND_TIMEOUT_MS = 30_000;
export const DEFAULT_BATCH_SIZE = 100;
/** Sends in flight per worker: a gateway round trip is mostly waiting, so one batch overlaps them. */
export const DEFAULT_SEND_CONCURRENCY = 16;

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
  /** Sends in flight at once within a claimed batch. */
  sendConcurrency?: number;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeliveryFailure(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Sends one claimed message; a success is returned for the batch to record, a failure is recorded here. */
async function deliverOne(
  db: Db,
  channels: ChannelAdapters,
  row: OutboxRow,
  now: Date,
  sendTimeoutMs: number,
): Promise<SentClaim | 'failed' | 'dead'> {
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
    return { ...claim, providerMessageId: result.providerMessageId };
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
    limit: opts.limit ?? DEFAULT_BATCH_SIZE,
  });
  const result: DeliveryRunResult = { claimed: rows.length, sent: 0, failed: 0, dead: 0 };
  const clock = () => opts.now ?? new Date();
  const timeout = opts.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  const sent: SentClaim[] = [];
  let next = 0;
  const sender = async () => {
    while (next < rows.length) {
      const outcome = await deliverOne(db, channels, rows[next++], now, timeout);
      if (typeof outcome === 'string') result[outcome]++;
      else sent.push(outcome);
    }
  };
  const lanes = Math.max(1, Math.min(opts.sendConcurrency ?? DEFAULT_SEND_CONCURRENCY, rows.length));
  await Promise.all(Array.from({ length: lanes }, sender));
  // A claim re-taken by another worker after the lease ran out is not overwritten (the row is theirs now).
  result.sent = sent.length;
  if (sent.length) await markSentMany(db, sent, clock());
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
    if (r.claimed < (opts.limit ?? DEFAULT_BATCH_SIZE)) break;
  }
  return total;
}
