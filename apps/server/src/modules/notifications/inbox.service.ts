// The logged-in staff user's in-app inbox: list, unread count, mark read.
import type { InAppMessage, InboxQuery } from '@gridcare/contracts';
import type { RequestContext } from '../../platform/auth/context';
import { notFound } from '../../platform/http/errors';
import { countUnread, listUserInbox, markAllRead, markRead } from './in-app.repository';

export async function myInbox(
  ctx: RequestContext,
  q: InboxQuery,
): Promise<{ items: InAppMessage[]; total: number; page: number; pageSize: number }> {
  const r = await listUserInbox(ctx.db, ctx.user.id, { ...q, unreadOnly: q.unreadOnly === 'true' });
  return { ...r, page: q.page, pageSize: q.pageSize };
}

export async function myUnreadCount(ctx: RequestContext): Promise<{ unread: number }> {
  return { unread: await countUnread(ctx.db, ctx.user.id) };
}

export async function markMessageRead(ctx: RequestContext, id: number): Promise<InAppMessage> {
  const m = await markRead(ctx.db, ctx.user.id, id, ctx.now);
  if (!m) throw notFound();
  return m;
}

export async function markAllMessagesRead(ctx: RequestContext): Promise<{ marked: number }> {
  return { marked: await markAllRead(ctx.db, ctx.user.id, ctx.now) };
}
