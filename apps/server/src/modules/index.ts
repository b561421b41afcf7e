// Every feature module's routes, registered in one place.
import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../app';
import { orgRoutes } from './org/org.routes';
import { customersRoutes } from './customers/customers.routes';
import { customerPartsRoutes } from './customers/customer-parts.routes';
import { topologyRoutes } from './topology/topology.routes';
import { accountManagerRoutes } from './account-managers/account-managers.routes';
import { importsRoutes } from './imports/imports.routes';
import { workOrderRoutes } from './workorders/workorders.routes';
import { calendarRoutes } from './calendar/calendar.routes';
import { serviceNormRoutes } from './service-norms/service-norms.routes';
import { noticeRoutes } from './notices/notices.routes';
import { telephonyRoutes } from './telephony/telephony.routes';
import { notificationsRoutes } from './notifications/notifications.routes';
import { portalRoutes } from './portal/portal.routes';
import { paymentsModule } from './payments/payments.module';
import { billingRoutes } from './billing/billing.routes';
import { meteringRoutes } from './metering/metering.routes';

export async function registerModules(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  await app.register(orgRoutes, deps);
  await app.register(customersRoutes, deps);
  await app.register(customerPartsRoutes, deps);
  await app.register(topologyRoutes, deps);
  await app.register(accountManagerRoutes, deps);
  await app.register(importsRoutes, deps);
  await app.register(workOrderRoutes, deps);
  await app.register(calendarRoutes, deps);
  await app.register(serviceNormRoutes, deps);
  await app.register(noticeRoutes, deps);
  await app.register(telephonyRoutes, deps);
  await app.register(notificationsRoutes, deps);
  await app.register(portalRoutes, deps);
  await app.register(paymentsModule, deps);
  await app.register(billingRoutes, deps);
  await app.register(meteringRoutes, deps);
}
