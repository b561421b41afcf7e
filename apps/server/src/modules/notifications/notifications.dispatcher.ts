// Runs delivery soon after commit: enqueueNotification sends a Postgres NOTIFY in its transaction, which
// listeners receive only when the transaction commits; the dispatcher wakes on it and drains the outbox.
// A periodic poll covers missed signals, retries whose time has come and leases that ran out.
import type { Db } from '../../platform/db/db';
import { isPglite, isPostgres } from '../../platform/db/db';
import type { ChannelAdapters } from './channels/channel';
import { drainNotifications } from './delivery.worker';
import { OUTBOX_NOTIFY_CHANNEL } from './outbox.repository';

export interface NotificationDispatcher {
  /** Drain now (coalesced with a drain already running). */
  wake(): void;
  /** Resolves when no drain is running or queued. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startNotificationDispatcher(
  db: Db,
  opts: { channels: ChannelAdapters; pollMs: number; onError?: (e: unknown) => void },
): Promise<NotificationDispatcher> {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const schedule = () => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(wake, opts.pollMs);
  };

  function wake() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await drainNotifications(db, opts.channels);
        } catch (e) {
          opts.onError?.(e);
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
      schedule();
    });
  }

  let unlisten: () => Promise<void> = async () => undefined;
  try {
    if (isPglite(db)) {
      const off = await db.pglite.listen(OUTBOX_NOTIFY_CHANNEL, () => wake());
      unlisten = () => off();
    } else if (isPostgres(db)) {
      const client = await db.connect();
      client.on('notification', () => wake());
      client.on('error', (e) => opts.onError?.(e));
      await client.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
      unlisten = async () => {
        await client.query(`UNLISTEN ${OUTBOX_NOTIFY_CHANNEL}`).catch(() => undefined);
        client.release();
      };
    }
  } catch (e) {
    // Without the signal the poll still delivers, only later.
    opts.onError?.(e);
  }
  wake();

  return {
    wake,
    idle: async () => {
      while (running) await running;
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await unlisten();
      while (running) await running;
    },
  };
}
