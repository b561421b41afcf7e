import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness';
import { inAppChannel } from './channels/in-app.channel';
import { deliverDueNotifications } from './delivery.worker';
import { enqueueNotification } from './notifications.outbox';
import { insertTestContact, insertTestCustomer, settleOutbox } from './notifications.test-builders';

describeEachDatabase('contact preferences and the staff inbox', (h) => {
  it('saves a customer’s and a contact’s preferences with optimistic locking and audit', async () => {
    const customerId = await insertTestCustomer(h().db, { orgUnitId: h().org.officeIds[0] });
    const contactId = await insertTestContact(h().db, customerId);
    const manager = await h().loginAs('manager');
    const url = `/api/customers/${customerId}/contact-preferences`;
    const created = await h().api(manager, 'PUT', url, {
      contactId,
      channels: ['sms'],
      quietStart: '22:00',
      quietEnd: '07:00',
      language: 'zh-CN',
    });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ contactId, channels: ['sms'], quietStart: '22:00', version: 1 });

    const noVersion = await h().api(manager, 'PUT', url, {
      contactId,
      channels: ['sms', 'email'],
      quietStart: null,
      quietEnd: null,
      language: null,
    });
    expect(noVersion.statusCode).toBe(400);
    const updated = await h().api(manager, 'PUT', url, {
      contactId,
      channels: ['sms', 'email'],
      quietStart: null,
      quietEnd: null,
      language: null,
      version: 1,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ channels: ['sms', 'email'], quietStart: null, version: 2 });
    const stale = await h().api(manager, 'PUT', url, {
      contactId,
      channels: [],
      quietStart: null,
      quietEnd: null,
      language: null,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);

    const list = await h().api(manager, 'GET', url);
    expect(list.json().items).toHaveLength(1);
    const audit = await h().db.query(
      `SELECT action FROM audit_log WHERE entity = 'contact_preference' ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'contact_preference.create',
      'contact_preference.update',
    ]);
  });

  it('refuses half a quiet-hours window with a field message', async () => {
    const customerId = await insertTestCustomer(h().db, { orgUnitId: h().org.officeIds[0] });
    const res = await h().api(
      await h().loginAs('admin'),
      'PUT',
      `/api/customers/${customerId}/contact-preferences`,
      { contactId: null, channels: ['sms'], quietStart: '22:00', quietEnd: null, language: null },
      { 'accept-language': 'en-US' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'body.quietEnd', message: 'Give both quiet-hours start and end, or neither' },
    ]);
  });

  it('keeps preferences inside the org scope and behind customer:write', async () => {
    const customerId = await insertTestCustomer(h().db, { orgUnitId: h().org.officeIds[0] });
    const body = { contactId: null, channels: ['sms'], quietStart: null, quietEnd: null, language: null };
    const url = `/api/customers/${customerId}/contact-preferences`;
    expect((await h().api(await h().loginAs('manager2'), 'PUT', url, body)).statusCode).toBe(404);
    expect((await h().api(await h().loginAs('manager2'), 'GET', url)).statusCode).toBe(404);
    expect((await h().api(await h().loginAs('agent'), 'PUT', url, body)).statusCode).toBe(403);
    const other = await insertTestCustomer(h().db, { orgUnitId: h().org.officeIds[0] });
    const foreignContact = await insertTestContact(h().db, other);
    const res = await h().api(await h().loginAs('manager'), 'PUT', url, {
      ...body,
      contactId: foreignContact,
    });
    expect(res.statusCode).toBe(400);
  });

  it('lists, counts and marks read the logged-in user’s in-app messages only', async () => {
    await settleOutbox(h().db);
    const userId = h().org.userIds.supervisor;
    for (const orderNo of ['GD-A', 'GD-B']) {
      await enqueueNotification(h().db, {
        event: 'workorder.warning',
        recipient: { userId },
        variables: { orderNo, percent: 80, dueAt: '2026-11-23 17:00', handlerName: '李四' },
        orgUnitId: null,
      });
    }
    await deliverDueNotifications(h().db, { in_app: inAppChannel });
    const supervisor = await h().loginAs('supervisor');
    expect((await h().api(supervisor, 'GET', '/api/notifications/inbox/unread-count')).json()).toEqual({
      unread: 2,
    });
    const inbox = (await h().api(supervisor, 'GET', '/api/notifications/inbox')).json();
    expect(inbox.items.map((m: { title: string }) => m.title)).toEqual([
      '时限预警：工单GD-B（80%）',
      '时限预警：工单GD-A（80%）',
    ]);
    const first = inbox.items[0].id;
    expect(
      (await h().api(await h().loginAs('agent'), 'POST', `/api/notifications/inbox/${first}/read`))
        .statusCode,
    ).toBe(404);
    const read = await h().api(supervisor, 'POST', `/api/notifications/inbox/${first}/read`);
    expect(read.json().readAt).not.toBeNull();
    expect((await h().api(supervisor, 'GET', '/api/notifications/inbox/unread-count')).json()).toEqual({
      unread: 1,
    });
    expect((await h().api(supervisor, 'GET', '/api/notifications/inbox?unreadOnly=true')).json().total).toBe(
      1,
    );
    expect((await h().api(supervisor, 'POST', '/api/notifications/inbox/read-all')).json()).toEqual({
      marked: 1,
    });
    expect((await h().api(supervisor, 'GET', '/api/notifications/inbox/unread-count')).json()).toEqual({
      unread: 0,
    });
  });
});
