// The account-manager system's API contract (客户经理制, domain.md §3, [S004]): manager cards,
// assignments with history, the customer ledger, visit plans, visits and the manager's workspace.
import { z } from 'zod';
import { CUSTOMER_CLASSES, IMPORTANCE_TIERS } from '@gridcare/domain';
import { Id, PageQuery, VersionField, pageOf } from './common';
import { msg } from './messages';
import { Period, PhoneNumber } from './validators';

const Text = (max = 200) => z.string().trim().min(1).max(max);
const OptText = (max = 200) => z.string().trim().max(max).nullish();
const BoolQuery = z.enum(['true', 'false']);

// --- Manager card (客户经理名片) -----------------------------------------------------------------------
/** A photo is stored inline (a small image data: URL, about 200 KB decoded) or linked by http(s) URL. */
export const PHOTO_DATA_URL_MAX = 280_000;
const DATA_URL = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/;
const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/;
export const PhotoUrl = z
  .string()
  .trim()
  .max(PHOTO_DATA_URL_MAX)
  .refine((v) => (v.startsWith('data:') ? DATA_URL.test(v) : v.length <= 2000 && HTTP_URL.test(v)), {
    message: 'photo must be an image data: URL of at most 200 KB or an http(s) URL',
  });

export const ManagerUserParam = z.object({ userId: z.coerce.number().int().positive() });

export const ManagerCard = z.object({
  userId: z.number(),
  username: z.string(),
  name: z.string(),
  photoUrl: z.string().nullable(),
  /** The 24-hour service phone printed on the card; falls back to the user's own phone. */
  phone24h: z.string().nullable(),
  serviceScope: z.string().nullable(),
  title: z.string().nullable(),
  orgUnits: z.array(z.object({ id: z.number(), name: z.string() })),
  /** Null until the card has been filled in once. */
  version: z.number().nullable(),
});
export type ManagerCard = z.infer<typeof ManagerCard>;

export const ManagerListItem = ManagerCard.extend({
  customers: z.number().int(),
  overdueVisits: z.number().int(),
});
export type ManagerListItem = z.infer<typeof ManagerListItem>;
export const ManagerListQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional(),
  orgUnitId: z.coerce.number().int().positive().optional(),
});
export type ManagerListQuery = z.infer<typeof ManagerListQuery>;
export const ManagerPage = pageOf(ManagerListItem);

export const ManagerProfileUpdate = z.object({
  photoUrl: PhotoUrl.nullish(),
  phone24h: PhoneNumber,
  serviceScope: Text(500),
  title: OptText(50),
  /** Required once the card exists (optimistic lock); omitted when creating it. */
  version: VersionField.optional(),
});
export type ManagerProfileUpdate = z.infer<typeof ManagerProfileUpdate>;

// --- Assignments ------------------------------------------------------------------------------------
export const AssignManagerBody = z.object({ managerId: Id, reason: OptText(200) });
export type AssignManagerBody = z.infer<typeof AssignManagerBody>;
export const UnassignManagerBody = z.object({ reason: Text(200) });
export type UnassignManagerBody = z.infer<typeof UnassignManagerBody>;

export const ManagerAssignment = z.object({
  id: z.number(),
  customerId: z.number(),
  managerId: z.number(),
  managerName: z.string(),
  assignedAt: z.string(),
  endedAt: z.string().nullable(),
  assignedById: z.number().nullable(),
  assignedByName: z.string().nullable(),
  reason: z.string().nullable(),
});
export type ManagerAssignment = z.infer<typeof ManagerAssignment>;
export const ManagerHistory = z.object({ items: z.array(ManagerAssignment) });

export const BulkAssignFilter = z.object({
  /** This unit and every unit below it. */
  orgUnitId: Id.optional(),
  customerClass: z.enum(CUSTOMER_CLASSES).optional(),
  importanceTier: z.enum(IMPORTANCE_TIERS).optional(),
  industryCode: z.string().trim().min(1).max(10).optional(),
  vip: z.boolean().optional(),
  onlyUnassigned: z.boolean().default(false),
});
export type BulkAssignFilter = z.infer<typeof BulkAssignFilter>;

/** A filter that narrows the selection; `onlyUnassigned` alone would still mean "everyone in scope". */
function narrows(f: BulkAssignFilter | undefined): boolean {
  if (!f) return false;
  return (
    f.orgUnitId !== undefined ||
    f.customerClass !== undefined ||
    f.importanceTier !== undefined ||
    f.industryCode !== undefined ||
    f.vip !== undefined
  );
}

export const BulkAssignBody = z
  .object({
    managerId: Id,
    customerIds: z.array(Id).min(1).max(10_000).optional(),
    filter: BulkAssignFilter.optional(),
    reason: Text(200),
  })
  .superRefine((v, ctx) => {
    if (!v.customerIds && !narrows(v.filter)) {
      ctx.addIssue({ code: 'custom', path: ['filter'], message: msg('bulk.filter_required') });
    }
  });
export type BulkAssignBody = z.infer<typeof BulkAssignBody>;
export const BulkAssignResult = z.object({
  assigned: z.number().int(),
  /** Matching customers in the caller's scope that lie outside the manager's units. */
  skippedIneligible: z.number().int(),
});
export type BulkAssignResult = z.infer<typeof BulkAssignResult>;

export const UnassignedQuery = PageQuery.extend({ orgUnitId: z.coerce.number().int().positive().optional() });
export type UnassignedQuery = z.infer<typeof UnassignedQuery>;
export const UnassignedCustomer = z.object({
  id: z.number(),
  customerNo: z.string(),
  name: z.string(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  customerClass: z.enum(CUSTOMER_CLASSES),
  importanceTier: z.enum(IMPORTANCE_TIERS),
  vip: z.boolean(),
  industryCode: z.string().nullable(),
});
export type UnassignedCustomer = z.infer<typeof UnassignedCustomer>;
export const UnassignedPage = pageOf(UnassignedCustomer);

// --- Customer ledger (客户台账) ---------------------------------------------------------------------
export const LEDGER_CATEGORIES = [
  'production',
  'key_people',
  'equipment',
  'demand_outlook',
  'promise',
  'other',
] as const;
export type LedgerCategory = (typeof LEDGER_CATEGORIES)[number];

export const LedgerEntryInput = z.object({
  category: z.enum(LEDGER_CATEGORIES),
  title: Text(100),
  content: Text(5000),
});
export type LedgerEntryInput = z.infer<typeof LedgerEntryInput>;
export const LedgerEntryUpdate = LedgerEntryInput.partial().extend({ version: VersionField });
export type LedgerEntryUpdate = z.infer<typeof LedgerEntryUpdate>;
export const LedgerEntry = LedgerEntryInput.extend({
  id: z.number(),
  customerId: z.number(),
  recordedById: z.number().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;
export const LedgerQuery = PageQuery.extend({ category: z.enum(LEDGER_CATEGORIES).optional() });
export type LedgerQuery = z.infer<typeof LedgerQuery>;
export const LedgerPage = pageOf(LedgerEntry);

// --- Visit plans and visits (走访) --------------------------------------------------------------------
export const VISIT_PLAN_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type VisitPlanStatus = (typeof VISIT_PLAN_STATUSES)[number];

export const GenerateVisitPlansBody = z.object({ period: Period });
export const GenerateVisitPlansResult = z.object({ created: z.number().int() });

export const VisitPlanQuery = PageQuery.extend({
  period: Period.optional(),
  managerId: z.coerce.number().int().positive().optional(),
  status: z.enum(VISIT_PLAN_STATUSES).optional(),
  overdue: BoolQuery.optional(),
});
export type VisitPlanQuery = z.infer<typeof VisitPlanQuery>;
export const VisitPlan = z.object({
  id: z.number(),
  customerId: z.number(),
  customerNo: z.string(),
  customerName: z.string(),
  orgUnitId: z.number(),
  managerId: z.number(),
  managerName: z.string(),
  period: z.string(),
  dueDate: z.string(),
  status: z.enum(VISIT_PLAN_STATUSES),
  visitId: z.number().nullable(),
  overdue: z.boolean(),
  version: z.number(),
});
export type VisitPlan = z.infer<typeof VisitPlan>;
export const VisitPlanPage = pageOf(VisitPlan);

export const VisitInput = z.object({
  customerId: Id,
  planId: Id.optional(),
  visitedAt: z.iso.datetime({ offset: true }),
  contactsMet: Text(500),
  findings: Text(5000),
  needs: OptText(5000),
  followUps: OptText(5000),
});
export type VisitInput = z.infer<typeof VisitInput>;
export const Visit = z.object({
  id: z.number(),
  customerId: z.number(),
  planId: z.number().nullable(),
  managerId: z.number(),
  managerName: z.string(),
  visitedAt: z.string(),
  contactsMet: z.string(),
  findings: z.string(),
  needs: z.string().nullable(),
  followUps: z.string().nullable(),
  createdAt: z.string(),
});
export type Visit = z.infer<typeof Visit>;
export const VisitPage = pageOf(Visit);

// --- The manager's own workspace ("my customers") -------------------------------------------------
export const MyCustomersQuery = PageQuery.extend({ q: z.string().trim().max(100).optional() });
export type MyCustomersQuery = z.infer<typeof MyCustomersQuery>;
export const MyCustomer = z.object({
  id: z.number(),
  customerNo: z.string(),
  name: z.string(),
  orgUnitId: z.number(),
  customerClass: z.enum(CUSTOMER_CLASSES),
  importanceTier: z.enum(IMPORTANCE_TIERS),
  vip: z.boolean(),
  nextVisitDue: z.string().nullable(),
  overdue: z.boolean(),
  lastVisitAt: z.string().nullable(),
});
export type MyCustomer = z.infer<typeof MyCustomer>;
export const MyCustomerPage = pageOf(MyCustomer);
export const MySummary = z.object({
  customers: z.number().int(),
  plannedThisMonth: z.number().int(),
  doneThisMonth: z.number().int(),
  overdue: z.number().int(),
  /** done / planned for this month; null when nothing is planned. */
  visitCompletionRate: z.number().nullable(),
});
export type MySummary = z.infer<typeof MySummary>;
