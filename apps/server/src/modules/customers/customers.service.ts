// Customer use cases: create with all its parts, read, update (optimistic lock), duplicate handling.
import type { Customer, CustomerCreate, CustomerPatch } from '@gridcare/contracts';
import { certificateIssue, msg } from '@gridcare/contracts';
import { meterMultiplier, normaliseCertificate } from '@gridcare/domain';
import { requireInScope, requirePermission, type RequestContext } from '../../platform/auth/context';
import { writeAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/db';
import { DomainError, invalid, notFound, versionConflict } from '../../platform/http/errors';
import { appendTimeline } from '../../platform/timeline';
import { resolvePremiseTopology } from '../topology/topology.service';
import { refreshSearchText } from './customer-search-text';
import { findDuplicates, fullAddress, normalisePhone, probeOf } from './customer-duplicates.service';
import { auditPiiView, presentCustomer, seesPii } from './customer-pii';
import {
  ACCOUNTS,
  CONTACTS,
  METERS,
  PREMISES,
  TRANSFORMERS,
  insertPart,
  listParts,
} from './customer-parts.repository';
import * as repo from './customers.repository';

const OUT_OF_RANGE = '引用的序号超出范围 (index points outside the list)';

export function actorOf(ctx: RequestContext) {
  return { id: ctx.user.id, name: ctx.user.displayName };
}

/** Index references inside a create body must point at entries of the same body. */
function checkIndexes(input: CustomerCreate): void {
  input.accounts.forEach((a, i) => {
    if (a.premiseIndex != null && a.premiseIndex >= input.premises.length) {
      throw invalid(`body.accounts.${i}.premiseIndex`, OUT_OF_RANGE);
    }
  });
  input.meters.forEach((m, i) => {
    if (m.accountIndex >= input.accounts.length) throw invalid(`body.meters.${i}.accountIndex`, OUT_OF_RANGE);
  });
  input.transformers.forEach((t, i) => {
    if (t.accountIndex != null && t.accountIndex >= input.accounts.length) {
      throw invalid(`body.transformers.${i}.accountIndex`, OUT_OF_RANGE);
    }
  });
}

/** Shows a customer to the caller: masked, or unmasked and audited (domain.md §1). */
export async function presentTo(ctx: RequestContext, db: Db, c: repo.CustomerRecord): Promise<Customer> {
  const unmasked = seesPii(ctx);
  if (unmasked && (c.phone || c.certNo))
    await auditPiiView(db, ctx, { customerIds: [c.id], orgUnitId: c.orgUnitId, what: 'customer' });
  return presentCustomer(c, unmasked);
}

/** Creates a customer with contacts, premises, accounts, meters and transformers in one transaction. */
export async function createCustomer(ctx: RequestContext, tx: Db, input: CustomerCreate): Promise<Customer> {
  requirePermission(ctx.user, 'customer:write');
  requireInScope(ctx.user, input.orgUnitId);
  checkIndexes(input);
  const topology = [];
  for (const [i, p] of input.premises.entries())
    topology.push(await resolvePremiseTopology(tx, p, `body.premises.${i}`));

  const duplicates = await findDuplicates(tx, ctx.user.scopeOrgIds, probeOf(input));
  const reason = input.duplicateOverrideReason ?? null;
  if (duplicates.length > 0 && !reason) throw new DomainError('duplicate', undefined, { duplicates });

  const created = await repo.insertCustomer(tx, {
    ...customerValues(input),
    duplicateOf: duplicates[0]?.id ?? null,
    duplicateOverrideReason: duplicates.length > 0 ? reason : null,
  });
  const owner = { customerId: created.id, orgUnitId: created.orgUnitId };
  const premises = [];
  for (const [i, p] of input.premises.entries()) {
    premises.push(
      await insertPart(tx, PREMISES, owner, { ...p, ...topology[i], fullAddress: fullAddress(p) }),
    );
  }
  const accounts = [];
  for (const a of input.accounts) {
    const { premiseIndex, ...rest } = a;
    accounts.push(
      await insertPart(tx, ACCOUNTS, owner, {
        ...rest,
        premiseId: premiseIndex == null ? null : premises[premiseIndex].id,
      }),
    );
  }
  const meters = [];
  for (const m of input.meters) {
    const { accountIndex, ...rest } = m;
    meters.push(
      await insertPart(tx, METERS, owner, {
        ...rest,
        accountId: accounts[accountIndex].id,
        multiplier: meterMultiplier(m.ctRatio, m.ptRatio),
      }),
    );
  }
  const transformers = [];
  for (const t of input.transformers) {
    const { accountIndex, ...rest } = t;
    transformers.push(
      await insertPart(tx, TRANSFORMERS, owner, {
        ...rest,
        accountId: accountIndex == null ? null : accounts[accountIndex].id,
      }),
    );
  }
  const contacts = [];
  for (const c of input.contacts) contacts.push(await insertPart(tx, CONTACTS, owner, contactValues(c)));

  await refreshSearchText(tx, [created.id]);
  const customer = (await repo.findCustomerById(tx, created.id))!;
  await writeAudit(tx, {
    actor: actorOf(ctx),
    action: duplicates.length > 0 ? 'create_duplicate_override' : 'create',
    entity: 'customer',
    entityId: customer.id,
    orgUnitId: customer.orgUnitId,
    after: { ...customer, contacts, premises, accounts, meters, transformers, duplicates },
    requestId: ctx.requestId,
  });
  await appendTimeline(tx, {
    customerId: customer.id,
    orgUnitId: customer.orgUnitId,
    kind: 'customer_created',
    title: `建档：${customer.name}`,
    detail: {
      customerNo: customer.customerNo,
      accounts: accounts.map((a) => a.accountNo),
      duplicateOf: customer.duplicateOf,
    },
    actor: actorOf(ctx),
    refEntity: 'customer',
    refId: customer.id,
  });
  return presentTo(ctx, tx, customer);
}

function customerValues(input: Partial<CustomerCreate>): Record<string, unknown> {
  const {
    contacts: _c,
    premises: _p,
    accounts: _a,
    meters: _m,
    transformers: _t,
    duplicateOverrideReason: _d,
    ...fields
  } = input;
  return { ...fields, certNo: fields.certNo ? normaliseCertificate(fields.certNo) : fields.certNo };
}

export function contactValues<T extends { mobile?: string | null; phone?: string | null }>(c: T): T {
  return {
    ...c,
    mobile: c.mobile ? normalisePhone(c.mobile) : c.mobile,
    phone: c.phone ? c.phone.trim() : c.phone,
  };
}

export async function getCustomer(ctx: RequestContext, id: number): Promise<Customer> {
  requirePermission(ctx.user, 'customer:read');
  const c = await repo.findCustomerInScope(ctx.db, id, ctx.user.scopeOrgIds);
  if (!c) throw notFound();
  return presentTo(ctx, ctx.db, c);
}

const AUDITED_FIELDS = Object.keys(repo.CUSTOMER_WRITABLE);

export async function updateCustomer(
  ctx: RequestContext,
  id: number,
  body: CustomerPatch,
): Promise<Customer> {
  requirePermission(ctx.user, 'customer:write');
  const before = await repo.findCustomerInScope(ctx.db, id, ctx.user.scopeOrgIds);
  if (!before) throw notFound();
  if (body.orgUnitId != null && body.orgUnitId !== before.orgUnitId) requireInScope(ctx.user, body.orgUnitId);
  if (body.version !== before.version) throw versionConflict();

  const { version, duplicateOverrideReason, ...patch } = body;
  const values = customerValues(patch);
  // The contract checks the certificate only when its type comes along; the merged pair must hold too.
  if (patch.certType !== undefined || patch.certNo !== undefined) {
    const issue = certificateIssue(
      patch.certType !== undefined ? patch.certType : before.certType,
      patch.certNo !== undefined ? patch.certNo : before.certNo,
    );
    if (issue) throw invalid('body.certNo', msg(issue));
  }
  const changed = AUDITED_FIELDS.filter(
    (k) => values[k] !== undefined && values[k] !== (before as Record<string, unknown>)[k],
  );

  return ctx.db.transaction(async (tx) => {
    if (changed.includes('name') || changed.includes('certNo')) {
      const [contacts, premises] = [await listParts(tx, CONTACTS, id), await listParts(tx, PREMISES, id)];
      const duplicates = await findDuplicates(
        tx,
        ctx.user.scopeOrgIds,
        {
          name: (values.name as string | undefined) ?? before.name,
          certNo: (values.certNo as string | null | undefined) ?? before.certNo,
          phones: contacts.flatMap((c) => [c.mobile, c.phone]).filter((p): p is string => !!p),
          addresses: premises.map((p) => p.fullAddress),
        },
        id,
      );
      if (duplicates.length > 0 && !duplicateOverrideReason)
        throw new DomainError('duplicate', undefined, { duplicates });
      if (duplicates.length > 0)
        Object.assign(values, { duplicateOf: duplicates[0].id, duplicateOverrideReason });
    }
    const updated = await repo.updateCustomer(tx, id, version, values);
    if (!updated) throw versionConflict();
    if (changed.includes('orgUnitId')) await repo.moveCustomerParts(tx, id, updated.orgUnitId);
    if (changed.includes('name')) await refreshSearchText(tx, [id]);
    const after = changed.includes('name') ? (await repo.findCustomerById(tx, id))! : updated;
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'update',
      entity: 'customer',
      entityId: id,
      orgUnitId: after.orgUnitId,
      before,
      after,
      requestId: ctx.requestId,
    });
    await appendTimeline(tx, {
      customerId: id,
      orgUnitId: after.orgUnitId,
      kind: 'customer_updated',
      title: `修改档案：${changed.join(', ') || '无变化'}`,
      detail: { fields: changed },
      actor: actorOf(ctx),
      refEntity: 'customer',
      refId: id,
    });
    return presentTo(ctx, tx, after);
  });
}
