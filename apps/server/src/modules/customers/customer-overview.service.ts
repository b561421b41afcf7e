// Customer 360 (客户全景): everything the agent or manager needs on one screen, in one response, read
// by indexed keys only (customer id, premise ids) so it stays fast at a million customers.
import type { Customer360 } from '@gridcare/contracts';
import { requirePermission, type RequestContext } from '../../platform/auth/context';
import { notFound } from '../../platform/http/errors';
import { positionsOf } from '../topology/topology.repository';
import { auditPiiView, presentContact, presentCustomer, seesPii } from './customer-pii';
import { ACCOUNTS, CONTACTS, METERS, PREMISES, TRANSFORMERS, listParts } from './customer-parts.repository';
import { countOpenItems, findCustomerInScope, findManagerCard } from './customers.repository';
import { countTimeline, timelineRows } from './customer-timeline.repository';

const NO_POSITION = { substation: null, feeder: null, transformerArea: null };

export async function customerOverview(ctx: RequestContext, id: number): Promise<Customer360> {
  requirePermission(ctx.user, 'customer:read');
  const db = ctx.db;
  const customer = await findCustomerInScope(db, id, ctx.user.scopeOrgIds);
  if (!customer) throw notFound();
  const [contacts, premises, accounts, meters, transformers, timeline, openItems, manager] =
    await Promise.all([
      listParts(db, CONTACTS, id),
      listParts(db, PREMISES, id),
      listParts(db, ACCOUNTS, id),
      listParts(db, METERS, id),
      listParts(db, TRANSFORMERS, id),
      timelineRows(db, id, 20, 0),
      countOpenItems(db, id),
      customer.accountManagerId ? findManagerCard(db, customer.accountManagerId) : Promise.resolve(null),
    ]);
  const unmasked = seesPii(ctx);
  // The unmasked-view audit row does not depend on the topology lookup; write both at once.
  const [positions] = await Promise.all([
    positionsOf(
      db,
      premises.map((p) => p.id),
    ),
    unmasked
      ? auditPiiView(db, ctx, { customerIds: [id], orgUnitId: customer.orgUnitId, what: 'customer_overview' })
      : Promise.resolve(),
  ]);
  return {
    customer: presentCustomer(customer, unmasked),
    contacts: contacts.map((c) => presentContact(c, unmasked)),
    premises: premises.map((p) => ({ ...p, topology: positions.get(p.id) ?? NO_POSITION })),
    accounts,
    meters,
    transformers,
    manager,
    counts: {
      contacts: contacts.length,
      premises: premises.length,
      accounts: accounts.length,
      meters: meters.length,
      transformers: transformers.length,
      openItems,
    },
    timeline,
  };
}

export async function customerTimeline(ctx: RequestContext, id: number, page: number, pageSize: number) {
  requirePermission(ctx.user, 'customer:read');
  const customer = await findCustomerInScope(ctx.db, id, ctx.user.scopeOrgIds);
  if (!customer) throw notFound();
  const items = await timelineRows(ctx.db, id, pageSize, (page - 1) * pageSize);
  return { items, page, pageSize, total: await countTimeline(ctx.db, id) };
}
