// API shapes used by the web app. Almost all come from @gridcare/contracts; this module re-exports
// them under the names the pages use, plus the one generic the contracts build with pageOf().
export type {
  Customer360 as CustomerOverview,
  CustomerManagerCard as ManagerCard,
  DuplicateWarning as DuplicateMatch,
  ImportJob,
  ImportMode,
  ImportRowError as ImportErrorRow,
  ImportStatus,
  LedgerCategory,
  LedgerEntry,
  ManagerListItem as ManagerOption,
  MyCustomer,
  MySummary,
  PremiseWithTopology,
  VisitInput,
  VisitPlan,
  VisitPlanStatus,
} from '@gridcare/contracts';
export { IMPORT_STATUSES, LEDGER_CATEGORIES, VISIT_PLAN_STATUSES } from '@gridcare/contracts';

/** The shape of every paged list (`pageOf(item)` in the contracts). */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  totalCapped?: boolean;
}
