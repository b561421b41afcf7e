// Email over SMTP with nodemailer. Plain text plus an HTML rendering of the same text.
import nodemailer from 'nodemailer';
import { escapeTemplateValue } from '@gridcare/domain';
import { DeliveryFailure, type ChannelAdapter } from './channel';

export interface SmtpSettings {
  /** smtp://user:pass@host:port or smtps://… */
  url: string;
  from: string;
  timeoutMs?: number;
}

function htmlOf(text: string): string {
  return `<div style="font-family:sans-serif;line-height:1.6">${escapeTemplateValue(text, 'html').replace(/\n/g, '<br>')}</div>`;
}

export function createSmtpChannel(s: SmtpSettings): ChannelAdapter & { close(): void } {
  const timeout = s.timeoutMs ?? 15_000;
  const transport = nodemailer.createTransport({
    url: s.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    channel: 'email',
    async send(m) {
      try {
        const info = await transport.sendMail({
          from: s.from,
          to: m.recipient_address,
          subject: m.subject ?? '',
          text: m.body,
          html: htmlOf(m.body),
          headers: { 'X-GridCare-Outbox-Id': String(m.id) },
        });
        return { providerMessageId: info.messageId ?? null };
      } catch (e) {
        const code = (e as { responseCode?: number }).responseCode;
        // 5xx replies (no such mailbox, rejected) are final; 4xx and connection errors are retried.
        throw new DeliveryFailure(
          `smtp ${code ?? ''} ${e instanceof Error ? e.message : String(e)}`.trim(),
          code !== undefined && code >= 500,
        );
      }
    },
    close: () => transport.close(),
  };
}
