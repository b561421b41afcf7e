// Keeping the customer ledger current is a standing duty of the account manager (domain.md §3).
import type { LedgerEntry, LedgerEntryInput, LedgerEntryUpdate, LedgerQuery } from '@gridcare/contracts';
import { writeAudit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requirePermission } from '../../platform/auth/context';
import { notFound, versionConflict } from '../../platform/http/errors';
import { appendTimeline } from '../../platform/timeline';
import { findCustomerInScope } from './customer-access.repository';
import {
  findLedgerEntry,
  findLedgerEntryInScope,
  insertLedgerEntry,
  listLedger,
  updateLedgerEntry,
} from './ledger.repository';

export async function customerLedger(
  ctx: RequestContext,
  customerId: number,
  query: LedgerQuery,
): Promise<{ items: LedgerEntry[]; total: number; page: number; pageSize: number }> {
  requirePermission(ctx.user, 'customer:read');
  const customer = await findCustomerInScope(ctx.db, customerId, ctx.user.scopeOrgIds);
  if (!customer) throw notFound();
  const r = await listLedger(ctx.db, customerId, query);
  return { ...r, page: query.page, pageSize: query.pageSize };
}

export async function addLedgerEntry(
  ctx: RequestContext,
  customerId: number,
  input: LedgerEntryInput,
): Promise<LedgerEntry> {
  requirePermission(ctx.user, 'manager:work');
  return ctx.db.transaction(async (db) => {
    const customer = await findCustomerInScope(db, customerId, ctx.user.scopeOrgIds);
    if (!customer) throw notFound();
    const entry = await insertLedgerEntry(db, {
      customerId,
      orgUnitId: customer.orgUnitId,
      ...input,
      by: ctx.user.id,
      at: ctx.now,
    });
    const actor = { id: ctx.user.id, name: ctx.user.displayName };
    await writeAudit(db, {
      actor,
      action: 'ledger_entry.create',
      entity: 'ledger_entry',
      entityId: entry.id,
      orgUnitId: customer.orgUnitId,
      after: input,
      requestId: ctx.requestId,
    });
    await appendTimeline(db, {
      customerId,
      orgUnitId: customer.orgUnitId,
      kind: 'ledger_entry',
      title: `客户台账：${input.title}`,
      detail: { category: input.category },
      actor,
      refEntity: 'ledger_entry',
      refId: entry.id,
      at: ctx.now,
    });
    return entry;
  });
}

export async function editLedgerEntry(
  ctx: RequestContext,
  id: number,
  input: LedgerEntryUpdate,
): Promise<LedgerEntry> {
  requirePermission(ctx.user, 'manager:work');
  return ctx.db.transaction(async (db) => {
    const before = await findLedgerEntryInScope(db, id, ctx.user.scopeOrgIds);
    if (!before) throw notFound();
    const values = {
      category: input.category ?? before.category,
      title: input.title ?? before.title,
      content: input.content ?? before.content,
    };
    if (!(await updateLedgerEntry(db, id, input.version, values))) throw versionConflict();
    const actor = { id: ctx.user.id, name: ctx.user.displayName };
    await writeAudit(db, {
      actor,
      action: 'ledger_entry.update',
      entity: 'ledger_entry',
      entityId: id,
      orgUnitId: before.orgUnitId,
      before: { category: before.category, title: before.title, content: before.content },
      after: values,
      requestId: ctx.requestId,
    });
    await appendTimeline(db, {
      customerId: before.customerId,
      orgUnitId: before.orgUnitId,
      kind: 'ledger_entry',
      title: `客户台账更新：${values.title}`,
      detail: { category: values.category, updated: true },
      actor,
      refEntity: 'ledger_entry',
      refId: id,
      at: ctx.now,
    });
    return (await findLedgerEntry(db, id))!;
  });
}
