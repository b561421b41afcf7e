// A running app (through app.inject) on a fresh database with the demo organisation and logins.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { DatabaseKind, Db } from '../platform/db/db';
import { buildApp } from '../app';
import { seedOrganisation, DEMO_PASSWORD, type OrgSeed } from '../../seed/org-seed';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './databases';

export interface Harness {
  kind: DatabaseKind;
  db: Db;
  app: FastifyInstance;
  org: OrgSeed;
  testDb: TestDatabase;
  /** Session cookie header for a demo login (admin, supervisor, agent, manager, manager2, east, west, auditor). */
  loginAs(username: string, password?: string): Promise<string>;
  api(
    cookie: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export async function createHarness(kind: DatabaseKind): Promise<Harness> {
  const testDb = await createTestDatabase(kind);
  const db = testDb.db;
  const org = await seedOrganisation(db);
  // Each harness has its own data directory (uploaded import files), removed with the database.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gridcare-test-'));
  const app = await buildApp({ db, dataDir });
  app.addHook('onClose', async () => rmSync(dataDir, { recursive: true, force: true }));
  await app.ready();
  const cookies = new Map<string, string>();
  const harness: Harness = {
    kind,
    db,
    app,
    org,
    testDb,
    async loginAs(username, password = DEMO_PASSWORD) {
      const cached = password === DEMO_PASSWORD ? cookies.get(username) : undefined;
      if (cached) return cached;
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const token = res.json().token as string;
      const cookie = `gc_session=${token}`;
      cookies.set(username, cookie);
      return cookie;
    },
    api(cookie, method, url, body, headers = {}) {
      return app.inject({ method, url, payload: body as never, headers: { cookie, ...headers } });
    },
  };
  return harness;
}

/** Runs the suite once per database kind with a shared harness. */
export function describeEachDatabase(name: string, fn: (h: () => Harness) => void) {
  for (const kind of DATABASE_KINDS) {
    describe(`${name} [${kind}]`, () => {
      let h: Harness;
      beforeAll(async () => {
        h = await createHarness(kind);
      });
      afterAll(async () => {
        await h?.app.close();
        await h?.testDb.destroy();
      });
      fn(() => h);
    });
  }
}
