// A delivery channel adapter: sends one outbox message and answers the provider's message id.
import type { NotificationChannel } from '@gridcare/contracts';
import type { Db } from '../../../platform/db/db';
import type { OutboxRow } from '../outbox.repository';

export interface ChannelResult {
  providerMessageId: string | null;
}

export interface ChannelAdapter {
  readonly channel: NotificationChannel;
  send(message: OutboxRow, ctx: { db: Db }): Promise<ChannelResult>;
}

export type ChannelAdapters = Partial<Record<NotificationChannel, ChannelAdapter>>;

/**
 * A failed send. `permanent` failures (the gateway rejects the number, the mailbox does not exist)
 * are not retried; everything else (timeouts, 5xx, throttling) is.
 */
export class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'DeliveryFailure';
  }
}
