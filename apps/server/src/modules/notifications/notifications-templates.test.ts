import { expect, it } from 'vitest';
import { NOTIFICATION_EVENTS } from '@gridcare/contracts';
import { describeEachDatabase } from '../../test/harness';
import { enqueueNotification } from './notifications.outbox';
import { outboxRows } from './notifications.test-builders';

interface Template {
  id: number;
  event: string;
  channel: string;
  language: string;
  version: number;
  body: string;
  subject: string | null;
}

describeEachDatabase('notification templates API', (h) => {
  const admin = () => h().loginAs('admin');
  async function template(event: string, channel: string, language = 'zh-CN'): Promise<Template> {
    const res = await h().api(
      await admin(),
      'GET',
      `/api/notifications/templates?event=${event}&channel=${channel}&language=${language}`,
    );
    expect(res.statusCode).toBe(200);
    return res.json().items[0];
  }

  it('ships zh-CN and en-US templates for every event and channel', async () => {
    const res = await h().api(await admin(), 'GET', '/api/notifications/templates');
    const items: Template[] = res.json().items;
    // Every event of the catalogue has templates (each capability adds its events and their templates).
    expect([...new Set(items.map((t) => t.event))].sort()).toEqual([...NOTIFICATION_EVENTS].sort());
    const langs = new Set(items.map((t) => `${t.event}/${t.channel}`));
    for (const key of langs) {
      expect(
        items
          .filter((t) => `${t.event}/${t.channel}` === key)
          .map((t) => t.language)
          .sort(),
      ).toEqual(['en-US', 'zh-CN']);
    }
  });

  it('an edit adds a version that new messages use, audited, and a stale edit is refused', async () => {
    const t = await template('workorder.replied', 'sms');
    const edit = await h().api(await admin(), 'PUT', `/api/notifications/templates/${t.id}`, {
      body: '工单{{orderNo}}已办理完毕：{{reply}}',
      version: t.version,
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({
      version: t.version + 1,
      body: '工单{{orderNo}}已办理完毕：{{reply}}',
    });
    expect(edit.json().smsTemplateCode).toBe('GC_WORKORDER_REPLIED_ZH');

    const stale = await h().api(await admin(), 'PUT', `/api/notifications/templates/${t.id}`, {
      body: '另一个改法{{orderNo}}',
      version: t.version,
    });
    expect(stale.statusCode).toBe(409);

    const [id] = await enqueueNotification(h().db, {
      event: 'workorder.replied',
      channels: ['sms'],
      recipient: { mobile: '13800138000' },
      variables: { orderNo: 'GD5', reply: '已恢复供电' },
      orgUnitId: null,
    });
    const [row] = await outboxRows(h().db, [id]);
    expect(row.body).toBe('工单GD5已办理完毕：已恢复供电');
    expect(row.template_version).toBe(t.version + 1);

    const versions = await h().api(await admin(), 'GET', `/api/notifications/templates/${t.id}/versions`);
    expect(versions.json().items.map((v: Template) => v.version)).toEqual([t.version + 1, t.version]);
    const audit = await h().db.query(
      `SELECT actor_name FROM audit_log WHERE action = 'notification_template.update' AND entity_id = $1`,
      [String(edit.json().id)],
    );
    expect(audit.rows).toHaveLength(1);
  });

  it('refuses a placeholder the event does not provide, in the caller’s language', async () => {
    const t = await template('workorder.accepted', 'email', 'en-US');
    const res = await h().api(
      await admin(),
      'PUT',
      `/api/notifications/templates/${t.id}`,
      { subject: 'Order {{ordreNo}}', body: t.body, version: t.version },
      { 'accept-language': 'en-US' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'body.subject', message: 'This event has no such variable' },
    ]);
  });

  it('previews a template text with sample values and counts SMS segments', async () => {
    const res = await h().api(await admin(), 'POST', '/api/notifications/templates/preview', {
      event: 'portal.verification_code',
      channel: 'sms',
      body: '验证码{{code}}，{{minutes}}分钟内有效',
      variables: { code: '654321' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      subject: null,
      body: '验证码654321，5分钟内有效',
      smsLength: '【国网示例市供电公司】验证码654321，5分钟内有效'.length,
      smsSegments: 1,
    });
  });

  it('is closed to users without notification:admin', async () => {
    const manager = await h().loginAs('manager');
    expect((await h().api(manager, 'GET', '/api/notifications/templates')).statusCode).toBe(403);
  });
});
