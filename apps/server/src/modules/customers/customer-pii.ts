// Personal data rule (domain.md §1): phones and certificate numbers are masked unless the caller
// holds pii:view, and every unmasked view is written to the audit log.
import type { ContactView, Customer, CustomerSummary } from '@gridcare/contracts';
import { maskCertificate, maskPhone } from '@gridcare/domain';
import type { RequestContext } from '../../platform/auth/context';
import { writeAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/db';
import type { CustomerRecord } from './customers.repository';

export function seesPii(ctx: RequestContext): boolean {
  return ctx.user.permissions.has('pii:view');
}

export function presentCustomer(c: CustomerRecord, unmasked: boolean): Customer {
  if (unmasked) return { ...c, piiMasked: false };
  return { ...c, phone: maskPhone(c.phone), certNo: maskCertificate(c.certNo), piiMasked: true };
}

export function presentContact(c: ContactView, unmasked: boolean): ContactView {
  return unmasked ? c : { ...c, mobile: maskPhone(c.mobile), phone: maskPhone(c.phone) };
}

export function presentSummary(s: CustomerSummary, unmasked: boolean): CustomerSummary {
  return unmasked ? s : { ...s, phone: maskPhone(s.phone), certNo: maskCertificate(s.certNo) };
}

/** Records that the caller saw unmasked personal data of these customers (one row per response). */
export async function auditPiiView(
  db: Db,
  ctx: RequestContext,
  view: { customerIds: number[]; orgUnitId?: number | null; what: string },
): Promise<void> {
  if (view.customerIds.length === 0) return;
  await writeAudit(db, {
    actor: { id: ctx.user.id, name: ctx.user.displayName },
    action: 'view_pii',
    entity: 'customer',
    entityId: view.customerIds.length === 1 ? view.customerIds[0] : view.customerIds.slice(0, 200).join(','),
    orgUnitId: view.orgUnitId ?? null,
    after: { what: view.what, customerIds: view.customerIds.slice(0, 1000), count: view.customerIds.length },
    requestId: ctx.requestId,
  });
}
