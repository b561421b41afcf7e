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

export async function runIdempotent<T>(
  db: Db,
  request: FastifyRequest,
  userId: number,
  successStatus: number,
  fn: (tx: Db) => Promise<T>,
): Promise<IdempotentResult<T>> {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key.length === 0) {
    const body = await db.transaction(fn);
    return { status: successStatus, body, replayed: false };
  }
  if (key.length > 200)
    throw new DomainError('validation', [{ path: 'headers.idempotency-key', message: 'too long' }]);
  const path = request.routeOptions.url ?? request.url;
  const requestHash = createHash('sha256')
    .update(JSON.stringify([request.method, request.url, request.body ?? null]))
    .digest('hex');
  return db.transaction(async (tx) => {
    const claimed = await tx.query(
      `INSERT INTO idempotency_keys(key, user_id, method, path, request_hash, status_code)
       VALUES ($1,$2,$3,$4,$5,0) ON CONFLICT DO NOTHING RETURNING key`,
      [key, userId, request.method, path, requestHash],
    );
    if (claimed.rowCount === 0) {
      const prior = await tx.query<{ request_hash: string; status_code: number; response: T }>(
        `SELECT request_hash, status_code, response FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
        [userId, key],
      );
      const row = prior.rows[0];
      if (!row || row.request_hash !== requestHash) throw new DomainError('idempotency_mismatch');
      return { status: row.status_code, body: row.response, replayed: true };
    }
    const body = await fn(tx);
    await tx.query(
      `UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE user_id = $1 AND key = $2`,
      [userId, key, successStatus, JSON.stringify(body)],
    );
    return { status: successStatus, body, replayed: false };
  });
}
