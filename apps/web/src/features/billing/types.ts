// API shapes of the billing pages: all from @gridcare/contracts (one schema source).
import type { z } from 'zod';
import type { QuoteBody } from '@gridcare/contracts';

export type {
  Adjustment,
  BillDetail,
  BillLine,
  BillRun,
  BillSummary,
  CustomerBillingHistory,
  QuoteResult,
  TariffComponents,
  TariffVersionDetail,
  TariffVersionSummary,
} from '@gridcare/contracts';

export type QuoteInput = z.input<typeof QuoteBody>;
