// A customer's notification preferences (channels, quiet hours, language), customer-wide or per contact.
import type { ContactPreference, ContactPreferenceInput } from '@gridcare/contracts';
import { writeAudit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requirePermission } from '../../platform/auth/context';
import { DomainError, invalid, notFound, versionConflict } from '../../platform/http/errors';
import {
  findContactOfCustomer,
  findCustomerUnitInScope,
  findPreference,
  insertPreference,
  listCustomerPreferences,
  updatePreference,
} from './preferences.repository';

export async function customerPreferences(
  ctx: RequestContext,
  customerId: number,
): Promise<{ items: ContactPreference[] }> {
  requirePermission(ctx.user, 'customer:read');
  const orgUnitId = await findCustomerUnitInScope(ctx.db, customerId, ctx.user.scopeOrgIds);
  if (orgUnitId === null) throw notFound();
  return { items: await listCustomerPreferences(ctx.db, customerId) };
}

/** Creates or updates (optimistic lock) the customer-wide or one contact's preference. */
export async function saveCustomerPreference(
  ctx: RequestContext,
  customerId: number,
  input: ContactPreferenceInput,
): Promise<ContactPreference> {
  requirePermission(ctx.user, 'customer:write');
  return ctx.db.transaction(async (db) => {
    const orgUnitId = await findCustomerUnitInScope(db, customerId, ctx.user.scopeOrgIds);
    if (orgUnitId === null) throw notFound();
    if (input.contactId !== null && !(await findContactOfCustomer(db, customerId, input.contactId))) {
      throw invalid('body.contactId', 'not a contact of this customer');
    }
    const values = {
      channels: [...new Set(input.channels)],
      quietStart: input.quietStart,
      quietEnd: input.quietEnd,
      language: input.language,
    };
    const existing = await findPreference(db, customerId, input.contactId);
    let saved: ContactPreference;
    if (existing) {
      if (input.version === undefined)
        throw new DomainError('validation', [{ path: 'body.version', message: 'required' }]);
      const updated = await updatePreference(db, existing.id, input.version, values);
      if (!updated) throw versionConflict();
      saved = updated;
    } else {
      saved = await insertPreference(db, { ...values, customerId, contactId: input.contactId, orgUnitId });
    }
    await writeAudit(db, {
      actor: { id: ctx.user.id, name: ctx.user.displayName },
      action: existing ? 'contact_preference.update' : 'contact_preference.create',
      entity: 'contact_preference',
      entityId: saved.id,
      orgUnitId,
      before: existing ?? undefined,
      after: saved,
      requestId: ctx.requestId,
    });
    return saved;
  });
}
