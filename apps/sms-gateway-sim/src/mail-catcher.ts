// A catch-all SMTP server for development and tests: accepts every message and keeps it in memory
// so people trying the demo (and tests) can read what GridCare sent.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface CaughtMail {
  id: number;
  receivedAt: string;
  envelopeFrom: string | null;
  envelopeTo: string[];
  from: string | null;
  to: string | null;
  subject: string | null;
  text: string | null;
  html: string | null;
  messageId: string | null;
}

export interface MailCatcher {
  port: number;
  /** smtp:// URL to give nodemailer. */
  url: string;
  mails(): CaughtMail[];
  clear(): void;
  close(): Promise<void>;
}

export async function startMailCatcher(
  opts: { port?: number; host?: string; keep?: number } = {},
): Promise<MailCatcher> {
  const host = opts.host ?? '127.0.0.1';
  const keep = opts.keep ?? 500;
  const mails: CaughtMail[] = [];
  let next = 1;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    banner: 'GridCare development mail catcher',
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push({
            id: next++,
            receivedAt: new Date().toISOString(),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            from: parsed.from?.text ?? null,
            to: Array.isArray(parsed.to)
              ? parsed.to.map((a) => a.text).join(', ')
              : (parsed.to?.text ?? null),
            subject: parsed.subject ?? null,
            text: parsed.text ?? null,
            html: typeof parsed.html === 'string' ? parsed.html : null,
            messageId: parsed.messageId ?? null,
          });
          if (mails.length > keep) mails.splice(0, mails.length - keep);
          callback();
        })
        .catch((e: Error) => callback(e));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', () => undefined);
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://${host}:${port}`,
    mails: () => [...mails],
    clear: () => void mails.splice(0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
