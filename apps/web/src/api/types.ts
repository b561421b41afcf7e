// Response shapes of endpoints whose schemas are not (yet) in @gridcare/contracts. They follow the
// brief the server modules are built from; when a contract lands, replace the local type with it.
import type {
  Account,
  Contact,
  Customer,
  CustomerSummary,
  Meter,
  Premise,
  TimelineEvent,
  Transformer,
} from '@gridcare/contracts';

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  totalCapped?: boolean;
}

export interface TopologyRef {
  id: number;
  code: string;
  name: string;
}

export interface PremiseWithTopology extends Premise {
  topology?: {
    substation: TopologyRef | null;
    feeder: TopologyRef | null;
    transformerArea: TopologyRef | null;
  } | null;
}

export interface ManagerCard {
  userId: number;
  name: string;
  photoUrl: string | null;
  phone24h: string | null;
  serviceScope: string | null;
  title: string | null;
}

export interface CustomerOverview {
  customer: Customer & { orgUnitName?: string | null };
  contacts: Contact[];
  premises: PremiseWithTopology[];
  accounts: Account[];
  meters: Meter[];
  transformers: Transformer[];
  manager: ManagerCard | null;
  counts?: Record<string, number>;
  timeline?: TimelineEvent[];
}

/** GET /api/managers → items of eligible account managers. */
export interface ManagerOption {
  userId: number;
  name: string;
  orgUnitName?: string | null;
  title?: string | null;
  customerCount?: number;
}

export const LEDGER_CATEGORIES = ['production', 'key_people', 'equipment', 'demand_outlook', 'promise', 'other'] as const;
export type LedgerCategory = (typeof LEDGER_CATEGORIES)[number];

export interface LedgerEntry {
  id: number;
  category: LedgerCategory;
  title: string;
  content: string;
  recordedAt: string;
  recordedByName?: string | null;
}

export interface VisitInput {
  customerId: number;
  visitedAt: string;
  contactsMet: string;
  findings: string;
  needs?: string | null;
  followUps?: string | null;
  planId?: number;
}

export interface MySummary {
  customers: number;
  plannedThisMonth: number;
  doneThisMonth: number;
  overdue: number;
  /** 0–1 (a fraction); values above 1 are read as percentages. */
  visitCompletionRate: number;
}

export interface MyCustomer extends Partial<CustomerSummary> {
  id: number;
  customerNo: string;
  name: string;
  nextVisitDue?: string | null;
  overdue?: boolean;
  lastVisitAt?: string | null;
}

export const VISIT_PLAN_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type VisitPlanStatus = (typeof VISIT_PLAN_STATUSES)[number];

export interface VisitPlan {
  id: number;
  customerId: number;
  customerName: string;
  customerNo?: string | null;
  managerId: number;
  managerName?: string | null;
  period: string;
  dueDate: string;
  status: VisitPlanStatus;
  overdue?: boolean;
  visitId?: number | null;
}

export const IMPORT_STATUSES = ['validating', 'validated', 'importing', 'done', 'failed', 'rejected'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export type ImportMode = 'all_or_nothing' | 'valid_rows';

export interface ImportJob {
  id: number;
  fileName: string;
  format: 'csv' | 'xlsx';
  mode: ImportMode | null;
  status: ImportStatus;
  totalRows: number;
  validRows: number;
  errorRows: number;
  importedRows: number;
  /** 0–100 */
  progress: number;
  message?: string | null;
  createdAt?: string;
  createdByName?: string | null;
}

export interface ImportErrorRow {
  rowNo: number;
  field: string;
  message: string;
  value?: string | null;
}

export interface DuplicateMatch {
  id: number;
  customerNo: string;
  name: string;
  reason: string;
}
