// `npm run cli -- telephony:ring --caller 13800138000 --agent agent [--answer-after 5] [--hang-up-after 60]`
// A softphone simulator: it speaks the telephony system's protocol (POST /api/telephony/events with the
// shared key) to a running GridCare, so a demo agent's screen pops without a real CTI system.
import { randomBytes } from 'node:crypto';
import { telephonyKey } from './telephony-config';

export interface RingOptions {
  baseUrl: string;
  key: string;
  caller: string;
  called: string;
  agent: string | null;
  queue: string | null;
  /** Seconds after ringing that the agent answers; null: nobody answers. */
  answerAfter: number | null;
  /** Seconds after ringing (or answering) that the call ends; null: leave it ringing/connected. */
  hangUpAfter: number | null;
}

const USAGE = `usage: npm run cli -- telephony:ring --caller <number> [--agent <login>] [--called 95598]
         [--queue <name>] [--answer-after <s>] [--hang-up-after <s>] [--url http://localhost:3000]
         (key: TELEPHONY_KEY or the development default)`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function seconds(args: string[], name: string): number | null {
  const v = flag(args, name);
  if (v === undefined) return null;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number of seconds\n${USAGE}`);
  return n;
}

export function ringOptions(args: string[], env: NodeJS.ProcessEnv = process.env): RingOptions {
  const caller = flag(args, 'caller');
  if (!caller) throw new Error(USAGE);
  return {
    baseUrl: flag(args, 'url') ?? `http://localhost:${env.PORT ?? 3000}`,
    key: telephonyKey(env),
    caller,
    called: flag(args, 'called') ?? '95598',
    agent: flag(args, 'agent') ?? null,
    queue: flag(args, 'queue') ?? null,
    answerAfter: seconds(args, 'answer-after'),
    hangUpAfter: seconds(args, 'hang-up-after'),
  };
}

const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));

/** Sends the call's events in order, waiting between them as a real call would. */
export async function simulateCall(
  o: RingOptions,
  log: (line: string) => void = console.log,
): Promise<string> {
  const callId = `sim-${Date.now()}-${randomBytes(3).toString('hex')}`;
  const send = async (event: string) => {
    const res = await fetch(new URL('/api/telephony/events', o.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telephony-key': o.key },
      body: JSON.stringify({
        callId,
        event,
        at: new Date().toISOString(),
        callerNumber: o.caller,
        calledNumber: o.called,
        agentLogin: o.agent,
        queue: o.queue,
      }),
    });
    const body = await res.text();
    if (!res.ok) throw new Error(`${event}: HTTP ${res.status} ${body}`);
    const r = JSON.parse(body) as { notifiedAgent: boolean };
    log(`${event.padEnd(9)} ${callId}${r.notifiedAgent ? `  → ${o.agent}` : ''}`);
  };
  await send('ringing');
  if (o.answerAfter !== null) {
    await sleep(o.answerAfter);
    await send('answered');
  }
  if (o.hangUpAfter !== null) {
    await sleep(o.hangUpAfter);
    await send(o.answerAfter !== null ? 'ended' : 'abandoned');
  }
  return callId;
}

export async function ringFromCli(args: string[]): Promise<void> {
  const options = ringOptions(args);
  if (!options.agent) console.log('no --agent: the call rings in the queue and pops at nobody');
  await simulateCall(options);
}
