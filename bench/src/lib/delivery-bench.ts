// Notification delivery to the local SMS-gateway simulator (a separate process): N SMS are enqueued with
// enqueueNotification, then the delivery worker (deliverDueNotifications, as the dispatcher runs it)
// drains them from `concurrency` workers at once, each sending its claimed batch with
// DEFAULT_SEND_CONCURRENCY sends in flight. Baseline with the same number of requests in flight: signed raw
// HTTP POSTs of the same number of messages straight to the simulator. The messages are enqueued "at" a fixed weekday morning in the past (outside quiet
// hours) and claimed as of that instant, so the worker sees only them; they are deleted afterwards.
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Db } from '../../../apps/server/src/platform/db/db';
import { enqueueNotification } from '../../../apps/server/src/modules/notifications/notifications.outbox';
import {
  DEFAULT_SEND_CONCURRENCY,
  deliverDueNotifications,
} from '../../../apps/server/src/modules/notifications/delivery.worker';
import {
  DEV_SMS_APP_KEY,
  DEV_SMS_APP_SECRET,
  createChannelAdapters,
} from '../../../apps/server/src/modules/notifications/notifications.config';
import { signSmsBody } from '../../../apps/server/src/modules/notifications/channels/sms-signature';
import { REPO_ROOT, freePort } from './server';

/** Monday 5 January 2026, 10:00 in Shanghai: a working morning, outside quiet hours. */
const ENQUEUED_AT = new Date('2026-01-05T02:00:00Z');
const CLAIM_AT = new Date(ENQUEUED_AT.getTime() + 60_000);
const SIGN_NAME = '【国网示例市供电公司】';
const ENTITY = 'bench_sms';

export interface DeliveryRun {
  concurrency: number;
  messages: number;
  enqueuePerSecond: number;
  sent: number;
  sentPerSecond: number;
  failed: number;
  baselinePerSecond: number;
}

async function startSimulator(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/src/lib/sms-sim-process.ts', String(port)],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`simulator exited with ${code}: ${out}`)));
  });
  return { url, child };
}

const mobile = (i: number) => `139${String(10_000_000 + ((i * 7919) % 89_999_999)).padStart(8, '0')}`;

async function enqueue(db: Db, n: number): Promise<number> {
  const t = performance.now();
  for (let from = 0; from < n; from += 500) {
    await db.transaction(async (tx) => {
      for (let i = from; i < Math.min(n, from + 500); i++) {
        await enqueueNotification(
          tx,
          {
            event: 'workorder.replied',
            channels: ['sms'],
            recipient: { mobile: mobile(i) },
            variables: {
              orderNo: `GD20260105${String(i).padStart(8, '0')}`,
              reply: '已调整分接头，电压恢复正常。',
            },
            orgUnitId: null,
            entityType: ENTITY,
            entityId: i,
          },
          { now: ENQUEUED_AT },
        );
      }
    });
  }
  return n / ((performance.now() - t) / 1000);
}

async function drain(db: Db, url: string, concurrency: number) {
  const channels = createChannelAdapters({
    smtp: { url: 'smtp://127.0.0.1:9', from: 'bench@gridcare.local' },
    sms: { baseUrl: url, appKey: DEV_SMS_APP_KEY, appSecret: DEV_SMS_APP_SECRET, signName: SIGN_NAME },
  });
  const totals = { sent: 0, failed: 0 };
  const t = performance.now();
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (;;) {
          const r = await deliverDueNotifications(db, channels.adapters, { now: CLAIM_AT });
          totals.sent += r.sent;
          totals.failed += r.failed + r.dead;
          if (r.claimed === 0) return;
        }
      }),
    );
  } finally {
    channels.close();
  }
  return { ...totals, seconds: (performance.now() - t) / 1000 };
}

/** The same number of signed sends, straight to the simulator. */
async function rawPosts(url: string, n: number, concurrency: number): Promise<number> {
  const endpoint = new URL('/v1/sms/send', url).toString();
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const body: Record<string, unknown> = {
          appKey: DEV_SMS_APP_KEY,
          timestamp: String(Date.now()),
          nonce: randomBytes(12).toString('hex'),
          mobile: mobile(i),
          signName: SIGN_NAME,
          templateCode: 'GC_WORKORDER_REPLIED_ZH',
          params: {
            orderNo: `GD20260105${String(i).padStart(8, '0')}`,
            reply: '已调整分接头，电压恢复正常。',
          },
          outId: String(i),
        };
        body.signature = signSmsBody(body, DEV_SMS_APP_SECRET);
        const res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (!res.ok) throw new Error(`simulator answered ${res.status}`);
        await res.arrayBuffer();
      }
    }),
  );
  return n / ((performance.now() - t) / 1000);
}

async function cleanUp(db: Db): Promise<void> {
  await db.query(
    `DELETE FROM notification_outbox WHERE entity_type = $1 AND created_at >= $2 AND created_at < $3`,
    [ENTITY, ENQUEUED_AT.toISOString(), CLAIM_AT.toISOString()],
  );
}

export async function benchDelivery(
  db: Db,
  messages: number,
  concurrencies: number[],
): Promise<DeliveryRun[]> {
  const sim = await startSimulator();
  const out: DeliveryRun[] = [];
  try {
    await cleanUp(db);
    for (const concurrency of concurrencies) {
      const enqueuePerSecond = await enqueue(db, messages);
      const r = await drain(db, sim.url, concurrency);
      await cleanUp(db);
      const baselinePerSecond = await rawPosts(sim.url, messages, concurrency * DEFAULT_SEND_CONCURRENCY);
      out.push({
        concurrency,
        messages,
        enqueuePerSecond,
        sent: r.sent,
        sentPerSecond: r.sent / r.seconds,
        failed: r.failed,
        baselinePerSecond,
      });
    }
  } finally {
    await cleanUp(db);
    sim.child.kill('SIGTERM');
  }
  return out;
}
