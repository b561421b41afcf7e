// Archive quality (domain.md §2): a new or changed customer that shares a certificate number, or the
// same name + phone + address, with an existing one is a likely duplicate and needs a stated reason.
import type { CustomerCreate, DuplicateWarning } from '@gridcare/contracts';
import { duplicateReason, normaliseCertificate, normaliseMobile } from '@gridcare/domain';
import type { RequestContext } from '../../platform/auth/context';
import { requirePermission } from '../../platform/auth/context';
import type { Db } from '../../platform/db/db';
import { findDuplicateCandidates } from './customers.repository';

export interface DuplicateProbe {
  name: string;
  certNo: string | null;
  phones: string[];
  addresses: string[];
}

export function normalisePhone(v: string): string {
  return normaliseMobile(v.trim());
}

export function fullAddress(p: {
  province: string;
  city: string;
  district: string;
  street?: string | null;
  detail: string;
}): string {
  return [p.province, p.city, p.district, p.street ?? '', p.detail].join('');
}

export function probeOf(input: CustomerCreate): DuplicateProbe {
  const phones = input.contacts
    .flatMap((c) => [c.mobile, c.phone])
    .filter((p): p is string => !!p)
    .map(normalisePhone);
  return {
    name: input.name,
    certNo: input.certNo ? normaliseCertificate(input.certNo) : null,
    phones,
    addresses: input.premises.map(fullAddress),
  };
}

/**
 * Likely duplicates among the customers the caller can see. Out-of-scope customers are not reported:
 * naming them would reveal another branch's archive.
 */
export async function findDuplicates(
  db: Db,
  scope: number[],
  probe: DuplicateProbe,
  excludeId: number | null = null,
): Promise<DuplicateWarning[]> {
  if (!probe.certNo && probe.phones.length === 0) return [];
  const candidates = await findDuplicateCandidates(
    db,
    { certNo: probe.certNo, phones: probe.phones, excludeId },
    scope,
  );
  const out: DuplicateWarning[] = [];
  for (const c of candidates) {
    const reason = duplicateReason(probe, c);
    if (reason) out.push({ id: c.id, customerNo: c.customerNo, name: c.name, reason });
  }
  return out;
}

export async function checkDuplicates(
  ctx: RequestContext,
  input: CustomerCreate,
): Promise<{ duplicates: DuplicateWarning[] }> {
  requirePermission(ctx.user, 'customer:read');
  return { duplicates: await findDuplicates(ctx.db, ctx.user.scopeOrgIds, probeOf(input)) };
}
