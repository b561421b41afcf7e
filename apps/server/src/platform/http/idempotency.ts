// Writes a client may retry carry an Idempotency-Key: the first response is stored with the change,
// in the same transaction, and replayed for a retry; a different request under the same key is a 409.
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/db';
import { DomainError } from './errors';

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/** The request's Idempotency-Key and what identifies the request under it; null without a key. */
export interface IdempotencyClaim {
  key: string;
  method: string;
  path: string;
  requestHash: string;
}

export function idempotencyOf(request: FastifyRequest): IdempotencyClaim | null {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key.length === 0) return null;
  if (key.length > 200)
    throw new DomainError('validation', [{ path: 'headers.idempotency-key', message: 'too long' }]);
  return {
    key,
    method: request.method,
    path: request.routeOptions.url ?? request.url,
    requestHash: createHash('sha256')
      .update(JSON.stringify([request.method, request.url, request.body ?? null]))
      .digest('hex'),
  };
}

export async function runIdempotent<T>(
  db: Db,
  request: FastifyRequest,
  userId: number,
  successStatus: number,
  fn: (tx: Db) => Promise<T>,
): Promise<IdempotentResult<T>> {
  return runIdempotentClaim(db, idempotencyOf(request), userId, successStatus, fn);
}

export async function runIdempotentClaim<T>(
  db: Db,
  claim: IdempotencyClaim | null,
  userId: number,
  successStatus: number,
  fn: (tx: Db) => Promise<T>,
): Promise<IdempotentResult<T>> {
  if (!claim) {
    const body = await db.transaction(fn);
    return { status: successStatus, body, replayed: false };
  }
  return db.transaction(async (tx) => {
    const claimed = await tx.query(
      `INSERT INTO idempotency_keys(key, user_id, method, path, request_hash, status_code)
       VALUES ($1,$2,$3,$4,$5,0) ON CONFLICT DO NOTHING RETURNING key`,
      [claim.key, userId, claim.method, claim.path, claim.requestHash],
    );
    if (claimed.rowCount === 0) return replay<T>(tx, claim, userId);
    const body = await fn(tx);
    await tx.query(
      `UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE user_id = $1 AND key = $2`,
      [userId, claim.key, successStatus, JSON.stringify(body)],
    );
    return { status: successStatus, body, replayed: false };
  });
}

/** The stored answer of the first request under the key; a different request under it is a 409. */
async function replay<T>(tx: Db, claim: IdempotencyClaim, userId: number): Promise<IdempotentResult<T>> {
  const prior = await tx.query<{ request_hash: string; status_code: number; response: T }>(
    `SELECT request_hash, status_code, response FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
    [userId, claim.key],
  );
  const row = prior.rows[0];
  if (!row || row.request_hash !== claim.requestHash) throw new DomainError('idempotency_mismatch');
  return { status: row.status_code, body: row.response, replayed: true };
}

/**
 * Claims many keys in one statement (a batch of requests written together). Returns which of the
 * claims were taken by this call; the others were taken before and are answered by `runIdempotentClaim`.
 */
export async function claimIdempotencyKeys(
  tx: Db,
  claims: readonly { userId: number; claim: IdempotencyClaim }[],
): Promise<boolean[]> {
  if (!claims.length) return [];
  const r = await tx.query<{ key: string; user_id: number }>(
    `INSERT INTO idempotency_keys(key, user_id, method, path, request_hash, status_code)
     SELECT x.key, x.user_id, x.method, x.path, x.request_hash, 0
       FROM jsonb_to_recordset($1::jsonb) AS x(key text, user_id bigint, method text, path text, request_hash text)
      -- Always in the same order: two batches claiming the same keys wait for each other, never deadlock.
      ORDER BY x.user_id, x.key
     ON CONFLICT DO NOTHING RETURNING key, user_id`,
    [
      JSON.stringify(
        claims.map(({ userId, claim }) => ({
          key: claim.key,
          user_id: userId,
          method: claim.method,
          path: claim.path,
          request_hash: claim.requestHash,
        })),
      ),
    ],
  );
  const taken = new Set(r.rows.map((row) => `${row.user_id}\u0000${row.key}`));
  return claims.map(({ userId, claim }) => taken.delete(`${userId}\u0000${claim.key}`));
}

/** Stores the answers of claimed keys, in the transaction of the change they answer. */
export async function storeIdempotentResponses(
  tx: Db,
  answers: readonly { userId: number; key: string; status: number; body: unknown }[],
): Promise<void> {
  if (!answers.length) return;
  await tx.query(
    `UPDATE idempotency_keys k SET status_code = x.status, response = x.body
       FROM jsonb_to_recordset($1::jsonb) AS x(user_id bigint, key text, status int, body jsonb)
      WHERE k.user_id = x.user_id AND k.key = x.key`,
    [JSON.stringify(answers.map((a) => ({ user_id: a.userId, key: a.key, status: a.status, body: a.body })))],
  );
}
