// A minimal server-sent-events client over node:http for tests against a listening server
// (app.inject cannot hold a response open).
import http from 'node:http';

export interface SseEvent {
  event: string;
  data: unknown;
  id?: string;
}

export interface SseClient {
  status: number;
  /** The next event (comments included as event ':comment'), in arrival order. */
  next(): Promise<SseEvent>;
  /** Skips events until one named `name` arrives. */
  nextNamed(name: string): Promise<SseEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export function openSse(baseUrl: string, path: string, headers: Record<string, string>): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(path, baseUrl), { headers: { accept: 'text/event-stream', ...headers } });
    req.on('error', reject);
    req.on('response', (res) => {
      const queue: SseEvent[] = [];
      const waiters: ((e: SseEvent) => void)[] = [];
      let buffer = '';
      let endedResolve!: () => void;
      const ended = new Promise<void>((r) => (endedResolve = r));
      const push = (e: SseEvent) => {
        const w = waiters.shift();
        if (w) w(e);
        else queue.push(e);
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event = 'message';
          let id: string | undefined;
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) push({ event: ':comment', data: line.slice(1).trim() });
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
            else if (line.startsWith('id: ')) id = line.slice(4);
          }
          if (data.length) push({ event, id, data: JSON.parse(data.join('\n')) });
        }
      });
      res.on('end', () => endedResolve());
      res.on('close', () => endedResolve());
      const next = () =>
        new Promise<SseEvent>((r) => {
          const e = queue.shift();
          if (e) r(e);
          else waiters.push(r);
        });
      resolve({
        status: res.statusCode ?? 0,
        next,
        async nextNamed(name) {
          for (;;) {
            const e = await next();
            if (e.event === name) return e;
          }
        },
        ended,
        close: () => req.destroy(),
      });
    });
  });
}
