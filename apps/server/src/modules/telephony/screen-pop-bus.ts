// Carries "this agent's phone is ringing" from the process that received the telephony event to the
// process holding the agent's browser stream. On PostgreSQL that may be another process (several API
// servers behind a load balancer), so the signal goes through LISTEN/NOTIFY; PGlite is single-process,
// so an in-process emitter does.
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { CallEventKind } from '@gridcare/contracts';
import { isPostgres, type Db } from '../../platform/db/db';

export interface ScreenPopSignal {
  userId: number;
  callId: string;
  event: CallEventKind;
  at: string;
  callerNumber: string;
  calledNumber: string;
  queue: string | null;
}

export interface ScreenPopBus {
  /** Sends the signal to every process; call it after the event's transaction committed. */
  publish(signal: ScreenPopSignal): Promise<void>;
  /** Resolves once this process is listening, so no signal published afterwards is missed. */
  subscribe(handler: (signal: ScreenPopSignal) => void): Promise<() => void>;
  close(): Promise<void>;
}

export const SCREEN_POP_CHANNEL = 'gridcare_screen_pop';

class LocalBus implements ScreenPopBus {
  private readonly emitter = new EventEmitter();

  async publish(signal: ScreenPopSignal): Promise<void> {
    this.emitter.emit('signal', signal);
  }

  async subscribe(handler: (signal: ScreenPopSignal) => void): Promise<() => void> {
    this.emitter.on('signal', handler);
    return () => this.emitter.off('signal', handler);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/**
 * One dedicated connection per process LISTENs (opened with the first subscriber, reopened after a
 * failure); publishing is a NOTIFY through the ordinary pool.
 */
class PostgresBus implements ScreenPopBus {
  private readonly handlers = new Set<(signal: ScreenPopSignal) => void>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly connection: pg.ClientConfig,
    private readonly onError: (e: unknown) => void,
  ) {}

  async publish(signal: ScreenPopSignal): Promise<void> {
    await this.db.query('SELECT pg_notify($1, $2)', [SCREEN_POP_CHANNEL, JSON.stringify(signal)]);
  }

  async subscribe(handler: (signal: ScreenPopSignal) => void): Promise<() => void> {
    this.handlers.add(handler);
    await this.listen();
    return () => this.handlers.delete(handler);
  }

  private listen(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new pg.Client(this.connection);
      client.on('notification', (n) => {
        if (n.channel !== SCREEN_POP_CHANNEL || !n.payload) return;
        let signal: ScreenPopSignal;
        try {
          signal = JSON.parse(n.payload) as ScreenPopSignal;
        } catch (e) {
          this.onError(e);
          return;
        }
        for (const h of this.handlers) h(signal);
      });
      client.on('error', (e) => this.lost(client, e));
      client.on('end', () => this.lost(client, null));
      try {
        await client.connect();
        await client.query(`LISTEN ${SCREEN_POP_CHANNEL}`);
        if (this.closed) {
          await client.end();
          return;
        }
        this.client = client;
      } catch (e) {
        await client.end().catch(() => undefined);
        throw e;
      }
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  /** The listening connection died: listen again in a second while anyone is subscribed. */
  private lost(client: pg.Client, error: unknown) {
    if (this.client !== client) return;
    this.client = null;
    if (error) this.onError(error);
    this.retryLater();
  }

  private retryLater() {
    if (this.closed || this.handlers.size === 0 || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.listen().catch((e) => {
        this.onError(e);
        this.retryLater();
      });
    }, 1000);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.handlers.clear();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

export function createScreenPopBus(db: Db, onError: (e: unknown) => void = () => undefined): ScreenPopBus {
  if (isPostgres(db)) {
    const options = db.rawPool.options as pg.PoolConfig;
    return new PostgresBus(db, { ...options }, onError);
  }
  return new LocalBus();
}
