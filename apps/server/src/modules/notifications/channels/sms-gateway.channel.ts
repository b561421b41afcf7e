// SMS through the gateway's HTTP API: POST {baseUrl}/v1/sms/send with a signed JSON body naming the
// pre-approved template and its parameters; the gateway answers a message id and later posts a
// delivery report to /api/notifications/sms/reports.
import { randomBytes } from 'node:crypto';
import { DeliveryFailure, type ChannelAdapter } from './channel';
import { signSmsBody } from './sms-signature';

export interface SmsGatewaySettings {
  baseUrl: string;
  appKey: string;
  appSecret: string;
  /** The registered signature, e.g. 【国网示例市供电公司】. */
  signName: string;
  timeoutMs?: number;
}

interface GatewayAnswer {
  code?: string;
  message?: string;
  messageId?: string;
}

export function createSmsGatewayChannel(s: SmsGatewaySettings): ChannelAdapter {
  const endpoint = new URL('/v1/sms/send', s.baseUrl).toString();
  return {
    channel: 'sms',
    async send(m) {
      if (!m.sms_template_code) throw new DeliveryFailure('template has no SMS template code', true);
      const body: Record<string, unknown> = {
        appKey: s.appKey,
        timestamp: String(Date.now()),
        nonce: randomBytes(12).toString('hex'),
        mobile: m.recipient_address,
        signName: s.signName,
        templateCode: m.sms_template_code,
        params: Object.fromEntries(Object.entries(m.variables).map(([k, v]) => [k, String(v)])),
        outId: String(m.id),
      };
      body.signature = signSmsBody(body, s.appSecret);
      let res: Response;
      try {
        res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(s.timeoutMs ?? 15_000),
        });
      } catch (e) {
        throw new DeliveryFailure(`gateway unreachable: ${e instanceof Error ? e.message : String(e)}`);
      }
      const answer = (await res.json().catch(() => ({}))) as GatewayAnswer;
      if (res.ok && answer.code === 'OK' && answer.messageId) return { providerMessageId: answer.messageId };
      const what = `gateway ${res.status} ${answer.code ?? ''} ${answer.message ?? ''}`.trim();
      // A rejected number, template or parameter will be rejected again: do not retry those.
      throw new DeliveryFailure(what, res.status === 400);
    },
  };
}
