// What the logged-in customer sees of themselves: name (masked as on bills), accounts, the phone login codes
// go to (masked), their account manager's card, and the portal inbox of their accounts.
import type {
  InAppMessage,
  PageQuery,
  PortalAccount,
  PortalDemoHint,
  PortalManagerCard,
  PortalMe,
} from '@gridcare/contracts';
import { isValidMobile, maskCustomerName, maskPhone, maskPremiseAddress } from '@gridcare/domain';
import { DomainError, notFound } from '../../platform/http/errors';
import { getManagerCard } from '../account-managers/managers.service';
import { listPortalInbox } from '../notifications/in-app.repository';
import { loadNotificationSettings } from '../notifications/notifications.config';
import type { Db } from '../../platform/db/db';
import type { PortalContext } from './portal-requests.service';
import { portalServiceContext } from './portal-actor';
import * as repo from './portal.repository';

/** The ids on a materialised path ('/1/4/9/' → [1, 4, 9]): the unit and everything above it. */
function unitAndAncestors(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

async function managerCard(
  c: PortalContext,
  managerId: number | null,
  orgPath: string,
): Promise<PortalManagerCard | null> {
  if (!managerId) return null;
  // Managers are eligible for the customers of their unit and below: look from the customer's unit up.
  const ctx = await portalServiceContext(c.db, {
    scopeOrgIds: unitAndAncestors(orgPath),
    permissions: ['customer:read'],
    requestId: c.requestId,
    now: c.now,
  });
  try {
    const card = await getManagerCard(ctx, managerId);
    return {
      name: card.name,
      title: card.title,
      photoUrl: card.photoUrl,
      phone24h: card.phone24h,
      serviceScope: card.serviceScope,
    };
  } catch (e) {
    // The manager left or moved: no card rather than an error.
    if (e instanceof DomainError && e.code === 'not_found') return null;
    throw e;
  }
}

export async function portalMe(c: PortalContext): Promise<PortalMe> {
  const customer = await repo.findCustomer(c.db, c.customer.customerId);
  if (!customer) throw notFound();
  const [accounts, phones] = await Promise.all([
    repo.listCustomerAccounts(c.db, customer.id),
    repo.registeredPhones(c.db, customer.id),
  ]);
  const mobile = phones.find((p) => isValidMobile(p.phone))?.phone ?? null;
  return {
    customerNo: customer.customer_no,
    customerName: maskCustomerName(customer.name, customer.kind),
    customerKind: customer.kind,
    accountNo: c.customer.accountNo,
    maskedPhone: maskPhone(mobile),
    accounts: accounts.map((a) => ({
      accountNo: a.account_no,
      status: a.status as PortalAccount['status'],
      voltageLevel: a.voltage_level,
      address:
        a.province && a.city && a.district
          ? maskPremiseAddress({ province: a.province, city: a.city, district: a.district, street: a.street })
          : null,
    })),
    manager: await managerCard(c, customer.account_manager_id, customer.org_path),
  };
}

export async function portalMessages(
  c: PortalContext,
  q: PageQuery,
): Promise<{ items: InAppMessage[]; total: number; page: number; pageSize: number }> {
  const accounts = await repo.listCustomerAccounts(c.db, c.customer.customerId);
  const r = await listPortalInbox(
    c.db,
    accounts.map((a) => a.account_no),
    q,
  );
  return { ...r, page: q.page, pageSize: q.pageSize };
}

/**
 * Demo only (the bundled SMS simulator stands in for the gateway): where it lists the messages it
 * received, and an account number to try, so a first-time user can log in. Nothing when a real gateway
 * is configured.
 */
export async function demoHint(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<PortalDemoHint> {
  const port = loadNotificationSettings(env).devGateways.smsPort;
  if (port === null) return { smsInboxUrl: null, exampleAccountNo: null };
  return {
    smsInboxUrl: `http://127.0.0.1:${port}/messages`,
    exampleAccountNo: await repo.findDemoAccountNo(db),
  };
}
