// Billing facts of an account (household size, low income, tier cycle, contract demand): read by the bill
// run with the readings, recorded by a billing clerk from the customer's documents (户口簿, 低保证明, 供用电合同).
import type { AccountBillingFacts, AccountBillingFactsUpdate } from '@gridcare/contracts';
import { writeAudit } from '../../platform/audit/audit';
import { requirePermission, type RequestContext } from '../../platform/auth/context';
import type { Db } from '../../platform/db/db';
import { notFound, versionConflict } from '../../platform/http/errors';

interface FactsRow {
  account_id: number;
  org_unit_id: number;
  household_size: number | null;
  low_income: boolean | null;
  tier_cycle: 'annual' | 'monthly' | null;
  contract_demand_kw: string | null;
  version: number | null;
  updated_at: string | null;
}

async function accountFacts(db: Db, accountId: number, lock = false): Promise<FactsRow | null> {
  const r = await db.query<FactsRow>(
    `SELECT a.id AS account_id, a.org_unit_id, f.household_size, f.low_income, f.tier_cycle,
            f.contract_demand_kw, f.version, f.updated_at
       FROM accounts a LEFT JOIN account_billing_facts f ON f.account_id = a.id
      WHERE a.id = $1 ${lock ? 'FOR UPDATE OF a' : ''}`,
    [accountId],
  );
  return r.rows[0] ?? null;
}

function present(r: FactsRow): AccountBillingFacts {
  return {
    accountId: r.account_id,
    householdSize: r.household_size,
    lowIncome: r.low_income ?? false,
    tierCycle: r.tier_cycle ?? 'annual',
    contractDemandKw: r.contract_demand_kw,
    version: r.version ?? 0,
    updatedAt: r.updated_at,
  };
}

export async function getBillingFacts(ctx: RequestContext, accountId: number): Promise<AccountBillingFacts> {
  requirePermission(ctx.user, 'billing:read');
  const row = await accountFacts(ctx.db, accountId);
  if (!row || !ctx.user.scopeOrgIds.includes(row.org_unit_id)) throw notFound();
  return present(row);
}

/** Records the facts; the next bill run of the account prices with them. */
export async function saveBillingFacts(
  ctx: RequestContext,
  tx: Db,
  accountId: number,
  body: AccountBillingFactsUpdate,
): Promise<AccountBillingFacts> {
  requirePermission(ctx.user, 'billing:run');
  const before = await accountFacts(tx, accountId, true);
  if (!before || !ctx.user.scopeOrgIds.includes(before.org_unit_id)) throw notFound();
  if ((before.version ?? 0) !== body.version) throw versionConflict();
  await tx.query(
    `INSERT INTO account_billing_facts(account_id, org_unit_id, household_size, low_income, tier_cycle,
                                       contract_demand_kw)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (account_id) DO UPDATE
       SET household_size = EXCLUDED.household_size, low_income = EXCLUDED.low_income,
           tier_cycle = EXCLUDED.tier_cycle, contract_demand_kw = EXCLUDED.contract_demand_kw,
           org_unit_id = EXCLUDED.org_unit_id,
           version = account_billing_facts.version + 1, updated_at = now()`,
    [
      accountId,
      before.org_unit_id,
      body.householdSize,
      body.lowIncome,
      body.tierCycle,
      body.contractDemandKw,
    ],
  );
  const after = (await accountFacts(tx, accountId))!;
  await writeAudit(tx, {
    actor: { id: ctx.user.id, name: ctx.user.displayName },
    action: 'billing_facts.update',
    entity: 'account',
    entityId: accountId,
    orgUnitId: before.org_unit_id,
    before: present(before),
    after: present(after),
    requestId: ctx.requestId,
  });
  return present(after);
}
