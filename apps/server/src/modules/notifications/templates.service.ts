// Template administration: list, history, edit (a new version effective at once, audited) and preview.
import {
  NOTIFICATION_EVENT_CATALOGUE,
  msg,
  type NotificationTemplate,
  type NotificationTemplatePreview,
  type NotificationTemplatePreviewBody,
  type NotificationTemplateQuery,
  type NotificationTemplateUpdate,
} from '@gridcare/contracts';
import { renderTemplate, smsSegments, unknownTemplateVariables } from '@gridcare/domain';
import { writeAudit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requirePermission } from '../../platform/auth/context';
import { DomainError, notFound, versionConflict, type ErrorDetail } from '../../platform/http/errors';
import { loadNotificationSettings } from './notifications.config';
import {
  findTemplate,
  insertTemplateVersion,
  listLatestTemplates,
  lockLatestVersion,
  templateHistory,
} from './templates.repository';

/** Example values for previews, so an admin sees a realistic message. */
export const SAMPLE_VARIABLES: Record<string, string | number> = {
  orderNo: 'GD202611230001',
  orderType: '故障报修',
  customerName: '张三',
  statusText: '抢修人员已出发',
  note: '预计 30 分钟内到达现场。',
  reply: '经核查，停电系线路故障所致，已于 15:20 恢复供电。',
  surveyUrl: 'http://localhost:3000/s/GD202611230001',
  percent: 80,
  dueAt: '2026-11-23 17:00',
  handlerName: '李四',
  code: '123456',
  minutes: 5,
};

function variableProblems(
  event: keyof typeof NOTIFICATION_EVENT_CATALOGUE,
  fields: { path: string; text: string | null | undefined }[],
): ErrorDetail[] {
  const allowed = NOTIFICATION_EVENT_CATALOGUE[event].variables;
  return fields.flatMap(({ path, text }) =>
    text
      ? unknownTemplateVariables(text, allowed).map(() => ({
          path,
          message: msg('notification.variable_unknown'),
        }))
      : [],
  );
}

export async function listTemplates(
  ctx: RequestContext,
  q: NotificationTemplateQuery,
): Promise<{ items: NotificationTemplate[] }> {
  requirePermission(ctx.user, 'notification:admin');
  return { items: await listLatestTemplates(ctx.db, q) };
}

export async function listTemplateVersions(
  ctx: RequestContext,
  id: number,
): Promise<{ items: NotificationTemplate[] }> {
  requirePermission(ctx.user, 'notification:admin');
  const items = await templateHistory(ctx.db, id);
  if (!items.length) throw notFound();
  return { items };
}

export async function updateTemplate(
  ctx: RequestContext,
  id: number,
  input: NotificationTemplateUpdate,
): Promise<NotificationTemplate> {
  requirePermission(ctx.user, 'notification:admin');
  return ctx.db.transaction(async (db) => {
    const base = await findTemplate(db, id);
    if (!base) throw notFound();
    const latest = await lockLatestVersion(db, base);
    if (input.version !== latest) throw versionConflict();
    const subject = input.subject === undefined ? base.subject : input.subject || null;
    const smsTemplateCode =
      input.smsTemplateCode === undefined ? base.smsTemplateCode : input.smsTemplateCode || null;
    const problems = variableProblems(base.event, [
      { path: 'body.subject', text: subject },
      { path: 'body.body', text: input.body },
    ]);
    if (base.channel !== 'sms' && !subject) problems.push({ path: 'body.subject', message: 'required' });
    if (base.channel === 'sms' && !smsTemplateCode)
      problems.push({ path: 'body.smsTemplateCode', message: 'required' });
    if (problems.length) throw new DomainError('validation', problems);
    const newId = await insertTemplateVersion(db, {
      event: base.event,
      channel: base.channel,
      language: base.language,
      subject: base.channel === 'sms' ? null : subject,
      body: input.body,
      smsTemplateCode: base.channel === 'sms' ? smsTemplateCode : null,
      version: latest + 1,
      effectiveFrom: ctx.now,
      updatedBy: { id: ctx.user.id, name: ctx.user.displayName },
    });
    const created = (await findTemplate(db, newId))!;
    await writeAudit(db, {
      actor: { id: ctx.user.id, name: ctx.user.displayName },
      action: 'notification_template.update',
      entity: 'notification_template',
      entityId: newId,
      before: { id: base.id, version: latest, subject: base.subject, body: base.body },
      after: { id: newId, version: created.version, subject: created.subject, body: created.body },
      requestId: ctx.requestId,
    });
    return created;
  });
}

export function previewTemplate(
  ctx: RequestContext,
  b: NotificationTemplatePreviewBody,
): NotificationTemplatePreview {
  requirePermission(ctx.user, 'notification:admin');
  const problems = variableProblems(b.event, [
    { path: 'body.subject', text: b.subject },
    { path: 'body.body', text: b.body },
  ]);
  if (problems.length) throw new DomainError('validation', problems);
  const vars = { ...SAMPLE_VARIABLES, ...(b.variables ?? {}) };
  const escape = b.channel === 'sms' ? 'sms' : 'text';
  const body = renderTemplate(b.body, vars, escape);
  const subject = b.subject ? renderTemplate(b.subject, vars, b.channel === 'sms' ? 'sms' : 'header') : null;
  // Every catalogue variable has a sample, so rendering only fails for a variable the check above refused.
  const bodyText = body.ok ? body.text : b.body;
  const sms = b.channel === 'sms' ? smsSegments(loadNotificationSettings().sms.signName + bodyText) : null;
  return {
    subject: subject ? (subject.ok ? subject.text : b.subject!) : null,
    body: bodyText,
    smsLength: sms?.length ?? null,
    smsSegments: sms?.segments ?? null,
  };
}
