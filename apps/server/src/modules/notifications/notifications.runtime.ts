// What `npm start` runs for notifications: the local SMS-gateway simulator and mail catcher (unless real
// SMTP_URL / SMS_GATEWAY_URL are configured) and, unless GRIDCARE_WORKERS=off, the delivery dispatcher.
import type { Db } from '../../platform/db/db';
import { createChannelAdapters, loadNotificationSettings } from './notifications.config';
import { startNotificationDispatcher, type NotificationDispatcher } from './notifications.dispatcher';

export interface NotificationsRuntime {
  /** Lines for the startup banner: where to read the messages that were sent. */
  banner: string[];
  stop(): Promise<void>;
}

export async function startNotifications(
  db: Db,
  opts: { workers: boolean; env?: NodeJS.ProcessEnv; onError?: (e: unknown) => void },
): Promise<NotificationsRuntime> {
  const settings = loadNotificationSettings(opts.env);
  const banner: string[] = [];
  const closers: (() => Promise<void> | void)[] = [];
  const { smsPort, smtpPort } = settings.devGateways;
  if (smsPort !== null || smtpPort !== null) {
    const sim = await import('@gridcare/sms-gateway-sim');
    let mailCatcher: Awaited<ReturnType<typeof sim.startMailCatcher>> | null = null;
    if (smtpPort !== null) {
      try {
        mailCatcher = await sim.startMailCatcher({ port: smtpPort });
        closers.push(() => mailCatcher!.close());
      } catch (e) {
        banner.push(`mail catcher could not listen on ${smtpPort}: ${(e as Error).message}`);
      }
    }
    const simPort = smsPort ?? Number(opts.env?.GRIDCARE_DEV_SMS_PORT ?? 3025);
    try {
      const gateway = await sim.startSmsGatewaySimulator({
        port: simPort,
        appKey: settings.sms.appKey,
        appSecret: settings.sms.appSecret,
        reportUrl: smsPort !== null ? settings.reportUrl : null,
        mailCatcher,
      });
      closers.unshift(() => gateway.close());
      if (smsPort !== null) banner.push(`SMS sent (local gateway simulator): ${gateway.url}/messages`);
      if (mailCatcher)
        banner.push(`Email sent (local mail catcher ${mailCatcher.url}): ${gateway.url}/mails`);
    } catch (e) {
      banner.push(`SMS gateway simulator could not listen on ${simPort}: ${(e as Error).message}`);
    }
  }
  let dispatcher: NotificationDispatcher | null = null;
  if (opts.workers) {
    const channels = createChannelAdapters(settings);
    dispatcher = await startNotificationDispatcher(db, {
      channels: channels.adapters,
      pollMs: settings.pollMs,
      onError: opts.onError,
    });
    closers.unshift(async () => {
      await dispatcher!.stop();
      channels.close();
    });
  } else {
    banner.push('Notification delivery is off in this process (GRIDCARE_WORKERS=off).');
  }
  banner.push('Deliveries, retries and dead letters: 消息中心 /admin/notifications');
  return {
    banner,
    stop: async () => {
      for (const close of closers) await close();
    },
  };
}
