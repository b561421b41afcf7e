// In-app delivery: the message lands in the staff user's (or portal account's) inbox.
import { insertInAppMessage } from '../in-app.repository';
import { DeliveryFailure, type ChannelAdapter } from './channel';

export const inAppChannel: ChannelAdapter = {
  channel: 'in_app',
  async send(m, { db }) {
    if (m.user_id == null && !m.portal_account_no) throw new DeliveryFailure('no in-app recipient', true);
    const id = await insertInAppMessage(db, {
      outboxId: m.id,
      userId: m.user_id,
      portalAccountNo: m.user_id == null ? m.portal_account_no : null,
      event: m.event,
      title: m.subject ?? m.event,
      body: m.body,
      entityType: m.entity_type,
      entityId: m.entity_id,
      orgUnitId: m.org_unit_id,
    });
    return { providerMessageId: `inapp-${id}` };
  },
};
