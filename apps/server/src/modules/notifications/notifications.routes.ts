// The notifications API (消息中心, domain.md §17): deliveries, dead letters and retries, templates,
// customer contact preferences, the staff inbox and the SMS gateway's delivery-report callback.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ContactPreference,
  ContactPreferenceInput,
  ContactPreferenceList,
  IdParam,
  InAppMessage,
  InboxMarkAllResult,
  InboxPage,
  InboxQuery,
  InboxUnreadCount,
  NotificationDelivery,
  NotificationDeliveryPage,
  NotificationDeliveryQuery,
  NotificationRetryBody,
  NotificationRetryResult,
  NotificationTemplate,
  NotificationTemplateList,
  NotificationTemplatePreview,
  NotificationTemplatePreviewBody,
  NotificationTemplateQuery,
  NotificationTemplateUpdate,
  NotificationTestSendBody,
  NotificationTestSendResult,
  SmsDeliveryReportBody,
  SmsDeliveryReportResult,
} from '@gridcare/contracts';
import type { ModuleDeps } from '../../app';
import { contextOf } from '../../platform/http/auth-hook';
import { allPages, sendXlsx } from '../../platform/http/excel';
import { getDelivery, listDeliveries, retryDelivery, retrySelected } from './deliveries.service';
import { DELIVERY_EXPORT_COLUMNS } from './deliveries.export';
import { markAllMessagesRead, markMessageRead, myInbox, myUnreadCount } from './inbox.service';
import { loadNotificationSettings } from './notifications.config';
import { customerPreferences, saveCustomerPreference } from './preferences.service';
import { receiveSmsReports } from './sms-reports.service';
import { sendTestNotification } from './test-send.service';
import { listTemplates, listTemplateVersions, previewTemplate, updateTemplate } from './templates.service';

const tags = ['notifications'];

export const notificationsRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db }) => {
  app.get(
    '/api/notifications/deliveries',
    {
      schema: {
        tags,
        summary: 'Deliveries (the outbox) in my scope, newest first',
        querystring: NotificationDeliveryQuery,
        response: { 200: NotificationDeliveryPage },
      },
    },
    async (request) => listDeliveries(contextOf(request, db), request.query),
  );

  app.get(
    '/api/notifications/deliveries/export',
    {
      schema: {
        tags,
        summary: 'Deliveries as an Excel workbook (same filters as the list)',
        querystring: NotificationDeliveryQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, db);
      // Checks permission and filters before the first byte goes out, so errors still answer JSON.
      await listDeliveries(ctx, { ...request.query, page: 1, pageSize: 1 });
      return sendXlsx(reply, {
        fileName: `notification-deliveries-${ctx.now.toISOString().slice(0, 10)}.xlsx`,
        sheetName: 'deliveries',
        columns: DELIVERY_EXPORT_COLUMNS,
        rows: allPages((page, pageSize) => listDeliveries(ctx, { ...request.query, page, pageSize })),
      });
    },
  );

  app.get(
    '/api/notifications/dead-letters',
    {
      schema: {
        tags,
        summary: 'Messages that gave up after their last attempt (dead letters)',
        querystring: NotificationDeliveryQuery.omit({ status: true }),
        response: { 200: NotificationDeliveryPage },
      },
    },
    async (request) => listDeliveries(contextOf(request, db), { ...request.query, status: 'dead' }),
  );

  app.get(
    '/api/notifications/deliveries/:id',
    { schema: { tags, summary: 'One delivery', params: IdParam, response: { 200: NotificationDelivery } } },
    async (request) => getDelivery(contextOf(request, db), request.params.id),
  );

  app.post(
    '/api/notifications/deliveries/:id/retry',
    {
      schema: {
        tags,
        summary: 'Retry a dead or failed message now',
        params: IdParam,
        response: { 200: NotificationDelivery },
      },
    },
    async (request) => retryDelivery(contextOf(request, db), request.params.id),
  );

  app.post(
    '/api/notifications/deliveries/retry',
    {
      schema: {
        tags,
        summary: 'Retry the selected dead or failed messages',
        body: NotificationRetryBody,
        response: { 200: NotificationRetryResult },
      },
    },
    async (request) => retrySelected(contextOf(request, db), request.body.ids),
  );

  app.get(
    '/api/notifications/templates',
    {
      schema: {
        tags,
        summary: 'The latest version of every template',
        querystring: NotificationTemplateQuery,
        response: { 200: NotificationTemplateList },
      },
    },
    async (request) => listTemplates(contextOf(request, db), request.query),
  );

  app.get(
    '/api/notifications/templates/:id/versions',
    {
      schema: {
        tags,
        summary: 'Every version of a template, newest first',
        params: IdParam,
        response: { 200: NotificationTemplateList },
      },
    },
    async (request) => listTemplateVersions(contextOf(request, db), request.params.id),
  );

  app.put(
    '/api/notifications/templates/:id',
    {
      schema: {
        tags,
        summary: 'Edit a template: adds a new version effective now (409 when edited in between)',
        params: IdParam,
        body: NotificationTemplateUpdate,
        response: { 200: NotificationTemplate },
      },
    },
    async (request) => updateTemplate(contextOf(request, db), request.params.id, request.body),
  );

  app.post(
    '/api/notifications/templates/preview',
    {
      schema: {
        tags,
        summary: 'Render a template text with sample values',
        body: NotificationTemplatePreviewBody,
        response: { 200: NotificationTemplatePreview },
      },
    },
    async (request) => previewTemplate(contextOf(request, db), request.body),
  );

  app.post(
    '/api/notifications/test',
    {
      schema: {
        tags,
        summary: 'Send an event’s templates to myself (my inbox, or the mobile/email given) as a test',
        body: NotificationTestSendBody,
        response: { 201: NotificationTestSendResult },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await sendTestNotification(contextOf(request, db), request.body)),
  );

  app.get(
    '/api/customers/:id/contact-preferences',
    {
      schema: {
        tags,
        summary: 'Notification preferences of a customer and its contacts',
        params: IdParam,
        response: { 200: ContactPreferenceList },
      },
    },
    async (request) => customerPreferences(contextOf(request, db), request.params.id),
  );

  app.put(
    '/api/customers/:id/contact-preferences',
    {
      schema: {
        tags,
        summary: 'Set the customer-wide (contactId null) or one contact’s notification preference',
        params: IdParam,
        body: ContactPreferenceInput,
        response: { 200: ContactPreference },
      },
    },
    async (request) => saveCustomerPreference(contextOf(request, db), request.params.id, request.body),
  );

  app.get(
    '/api/notifications/inbox',
    {
      schema: {
        tags,
        summary: 'My in-app messages, newest first',
        querystring: InboxQuery,
        response: { 200: InboxPage },
      },
    },
    async (request) => myInbox(contextOf(request, db), request.query),
  );

  app.get(
    '/api/notifications/inbox/unread-count',
    {
      schema: {
        tags,
        summary: 'How many of my in-app messages are unread',
        response: { 200: InboxUnreadCount },
      },
    },
    async (request) => myUnreadCount(contextOf(request, db)),
  );

  app.post(
    '/api/notifications/inbox/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my messages read',
        params: IdParam,
        response: { 200: InAppMessage },
      },
    },
    async (request) => markMessageRead(contextOf(request, db), request.params.id),
  );

  app.post(
    '/api/notifications/inbox/read-all',
    { schema: { tags, summary: 'Mark all my messages read', response: { 200: InboxMarkAllResult } } },
    async (request) => markAllMessagesRead(contextOf(request, db)),
  );

  // The gateway signs the JSON it sends; the signature is checked on the body exactly as received,
  // before schema parsing could drop or reshape a field.
  const received = new WeakMap<FastifyRequest, Record<string, unknown>>();
  app.post(
    '/api/notifications/sms/reports',
    {
      config: { public: true },
      preValidation: async (request) => {
        if (request.body && typeof request.body === 'object')
          received.set(request, request.body as Record<string, unknown>);
      },
      schema: {
        tags,
        summary: 'Delivery reports from the SMS gateway (HMAC-SHA256 signed; no session)',
        security: [],
        body: SmsDeliveryReportBody,
        response: { 200: SmsDeliveryReportResult },
      },
    },
    async (request) => {
      const { sms } = loadNotificationSettings();
      const raw = received.get(request) ?? (request.body as unknown as Record<string, unknown>);
      return receiveSmsReports(db, request.body, {
        appKey: sms.appKey,
        secret: sms.appSecret,
        now: new Date(),
        raw,
      });
    },
  );
};
