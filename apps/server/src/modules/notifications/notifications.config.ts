// Where notifications go: SMTP and SMS-gateway settings from the environment. With neither SMTP_URL nor
// SMS_GATEWAY_URL set, `npm start` runs a local SMS-gateway simulator and mail catcher in-process and
// points the adapters at them, so the demo needs no outside service.
import type { ChannelAdapters } from './channels/channel';
import { inAppChannel } from './channels/in-app.channel';
import { createSmsGatewayChannel, type SmsGatewaySettings } from './channels/sms-gateway.channel';
import { createSmtpChannel, type SmtpSettings } from './channels/smtp.channel';

export const DEV_SMS_APP_KEY = 'gridcare-dev';
export const DEV_SMS_APP_SECRET = 'gridcare-dev-secret';

export interface NotificationSettings {
  smtp: SmtpSettings;
  sms: SmsGatewaySettings;
  /** Ports of the in-process simulator and mail catcher, when they stand in for the real services. */
  devGateways: { smsPort: number | null; smtpPort: number | null };
  /** Where the gateway posts delivery reports (given to the in-process simulator). */
  reportUrl: string;
  /** How often the worker looks for due messages besides being woken on commit. */
  pollMs: number;
}

export function loadNotificationSettings(env: NodeJS.ProcessEnv = process.env): NotificationSettings {
  const devAllowed = env.GRIDCARE_DEV_GATEWAYS !== 'off';
  const smtpPort = Number(env.GRIDCARE_DEV_SMTP_PORT ?? 2525);
  const smsPort = Number(env.GRIDCARE_DEV_SMS_PORT ?? 3025);
  const devSmtp = devAllowed && !env.SMTP_URL;
  const devSms = devAllowed && !env.SMS_GATEWAY_URL;
  return {
    smtp: {
      url: env.SMTP_URL || `smtp://127.0.0.1:${smtpPort}`,
      from: env.SMTP_FROM || '"国网示例市供电公司" <noreply@gridcare.local>',
    },
    sms: {
      baseUrl: env.SMS_GATEWAY_URL || `http://127.0.0.1:${smsPort}`,
      appKey: env.SMS_APP_KEY || DEV_SMS_APP_KEY,
      appSecret: env.SMS_APP_SECRET || DEV_SMS_APP_SECRET,
      signName: env.SMS_SIGN_NAME || '【国网示例市供电公司】',
    },
    devGateways: { smsPort: devSms ? smsPort : null, smtpPort: devSmtp ? smtpPort : null },
    reportUrl:
      env.SMS_REPORT_URL || `http://127.0.0.1:${Number(env.PORT ?? 3000)}/api/notifications/sms/reports`,
    pollMs: Number(env.GRIDCARE_NOTIFY_POLL_MS ?? 5000),
  };
}

export function createChannelAdapters(s: Pick<NotificationSettings, 'smtp' | 'sms'>): {
  adapters: ChannelAdapters;
  close(): void;
} {
  const email = createSmtpChannel(s.smtp);
  return {
    adapters: { in_app: inAppChannel, sms: createSmsGatewayChannel(s.sms), email },
    close: () => email.close(),
  };
}
