// Screen pop (来电弹屏): each logged-in agent holds one server-sent-event stream; when the telephony system
// reports a call ringing at (or answered by) that agent, the stream gets the caller's number and the
// customers with that phone number, found by the customer module's own search with the agent's org
// scope and PII masking, as if the agent had typed the number into the search box.
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CustomerListQuery, type ScreenPop } from '@gridcare/contracts';
import { normaliseMobile } from '@gridcare/domain';
import type { AuthUser } from '../../platform/auth/context';
import { findSessionUser } from '../../platform/auth/auth.repository';
import { hashToken, loadAuthUser } from '../../platform/auth/auth.service';
import type { Db } from '../../platform/db/db';
import { listCustomers } from '../customers/customer-list.service';
import type { ScreenPopBus, ScreenPopSignal } from './screen-pop-bus';

/** Matching customers listed in one pop; more than this and the agent searches with the number. */
export const POP_CUSTOMERS = 10;

interface Stream {
  userId: number;
  tokenHash: string;
  raw: ServerResponse;
  heartbeat: NodeJS.Timeout;
  /** Deliveries run one after another so the browser sees a call's events in the order they came. */
  chain: Promise<void>;
}

function frame(event: string, data: unknown, id?: string): string {
  return `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export class ScreenPopHub {
  private readonly streams = new Map<number, Stream>();
  private listening: Promise<unknown> | null = null;

  constructor(
    private readonly db: Db,
    private readonly bus: ScreenPopBus,
    private readonly opts: { heartbeatMs: number; onError: (e: unknown) => void },
  ) {}

  /** Number of open streams (one per agent). */
  get size(): number {
    return this.streams.size;
  }

  /**
   * Takes over the response as an event stream. A second stream of the same agent (another tab)
   * replaces the first, which is told so and closed.
   */
  async open(request: FastifyRequest, reply: FastifyReply, user: AuthUser, token: string): Promise<void> {
    this.listening ??= this.bus.subscribe((s) => this.enqueue(s));
    await this.listening;
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const previous = this.streams.get(user.id);
    if (previous) this.end(previous, frame('replaced', {}));
    const stream: Stream = {
      userId: user.id,
      tokenHash: hashToken(token),
      raw,
      heartbeat: setInterval(() => void this.beat(stream), this.opts.heartbeatMs),
      chain: Promise.resolve(),
    };
    this.streams.set(user.id, stream);
    raw.on('close', () => this.forget(stream));
    raw.write(`retry: 5000\n\n${frame('ready', { userId: user.id })}`);
    request.log.debug({ userId: user.id }, 'screen-pop stream opened');
  }

  /** Ends every stream (the server is shutting down). */
  closeAll(): void {
    for (const s of [...this.streams.values()]) this.end(s, frame('closing', {}));
  }

  private forget(stream: Stream) {
    clearInterval(stream.heartbeat);
    if (this.streams.get(stream.userId) === stream) this.streams.delete(stream.userId);
  }

  private end(stream: Stream, last?: string) {
    this.forget(stream);
    if (last && !stream.raw.writableEnded) stream.raw.write(last);
    stream.raw.end();
  }

  /** A comment line keeps proxies from closing an idle stream; a logged-out session ends it. */
  private async beat(stream: Stream) {
    try {
      if (!(await findSessionUser(this.db, stream.tokenHash))) return this.end(stream, frame('logout', {}));
      if (!stream.raw.writableEnded) stream.raw.write(': heartbeat\n\n');
    } catch (e) {
      this.opts.onError(e);
    }
  }

  private enqueue(signal: ScreenPopSignal) {
    const stream = this.streams.get(signal.userId);
    if (stream) stream.chain = stream.chain.then(() => this.deliver(stream, signal));
  }

  private async deliver(stream: Stream, signal: ScreenPopSignal) {
    if (this.streams.get(signal.userId) !== stream) return;
    try {
      if (signal.event === 'abandoned' || signal.event === 'ended') {
        const status = { callId: signal.callId, event: signal.event, at: signal.at };
        stream.raw.write(frame('call-status', status, `${signal.callId}:${signal.event}`));
        return;
      }
      // The session and the agent's scope as they are now, not as they were when the stream opened.
      const session = await findSessionUser(this.db, stream.tokenHash);
      if (!session) return this.end(stream, frame('logout', {}));
      const user = await loadAuthUser(this.db, session.id, {
        username: session.username,
        displayName: session.display_name,
        locale: session.locale,
      });
      const pop = await this.popFor(user, signal);
      if (this.streams.get(signal.userId) === stream)
        stream.raw.write(frame('screen-pop', pop, `${signal.callId}:${signal.event}`));
    } catch (e) {
      this.opts.onError(e);
    }
  }

  private async popFor(user: AuthUser, signal: ScreenPopSignal): Promise<ScreenPop> {
    const base = {
      callId: signal.callId,
      event: signal.event,
      at: signal.at,
      callerNumber: signal.callerNumber,
      calledNumber: signal.calledNumber,
      queue: signal.queue,
    };
    const number = normaliseMobile(signal.callerNumber);
    if (!user.permissions.has('customer:read') || !/^\d{5,}$/.test(number))
      return { ...base, customers: [], more: false };
    const ctx = { db: this.db, user, requestId: `screen-pop:${signal.callId}`, now: new Date() };
    const page = await listCustomers(
      ctx,
      CustomerListQuery.parse({ q: number, page: 1, pageSize: POP_CUSTOMERS }),
    );
    // Only a full phone-number match is the caller. When the number's exact lookup finds anyone, the
    // search answers with those alone, so the total counts phone matches.
    const customers = page.items.filter((c) => c.matchedBy === 'phone');
    return { ...base, customers, more: customers.length > 0 && page.total > customers.length };
  }
}
