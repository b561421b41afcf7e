// Metering and meter reading API (计量与抄表, domain.md §8): reading books, manual and bulk intake of
// register readings, 15-minute interval data, the exception review list, meter replacements,
// estimation and the 6-months-unread tasks.
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PageQuery, VersionField, pageOf } from './common';
import { Period } from './validators';

export const METER_REGISTER_CODES = [
  'active_total',
  'active_peak',
  'active_flat',
  'active_valley',
  'active_critical_peak',
  'reactive_total',
  'max_demand',
] as const;
export const MeterRegisterSchema = z.enum(METER_REGISTER_CODES);

export const READING_SOURCE_CODES = ['manual', 'handheld', 'ami', 'import', 'api', 'estimated'] as const;
export const READING_STATUS_CODES = ['valid', 'exception', 'estimated', 'rejected', 'superseded'] as const;
export const READING_EXCEPTION_CODE_LIST = ['backwards', 'spike', 'zero_consumption', 'missing'] as const;
export const READING_REVIEW_STATES = [
  'open',
  'accepted',
  'corrected',
  'rejected',
  'reread_requested',
] as const;

/** Register values: up to 12 integer digits and 2 decimals, not negative. */
export const ReadingValue = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'reading must be a number ≥ 0 with at most 2 decimals');

export const ReadingSettlement = z.coerce.number().int().min(1).max(2);

// --- Reading books ------------------------------------------------------------------------------------
export const ReadingBookQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional(),
  orgUnitId: z.coerce.number().int().positive().optional(),
});
export const ReadingBook = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  orgUnitId: Id,
  orgUnitName: z.string().nullable(),
  readingDay: z.number().int(),
  secondReadingDay: z.number().int().nullable(),
  readerUserId: z.number().int().nullable(),
  supervisorUserId: z.number().int().nullable(),
  accountCount: z.number().int(),
  openExceptions: z.number().int(),
  version: VersionField,
});
export type ReadingBook = z.infer<typeof ReadingBook>;
export const ReadingBookPage = pageOf(ReadingBook);
export type ReadingBookPage = z.infer<typeof ReadingBookPage>;

export const ReadingBookParams = z.object({ code: z.string().trim().min(1).max(60) });

export const ReadingSheetQuery = z.object({ period: Period, settlement: ReadingSettlement.default(1) });

/** One register of one meter on a book's reading sheet, with what the entry screen needs for hints. */
export const ReadingSheetRow = z.object({
  accountId: Id,
  accountNo: z.string(),
  customerName: z.string(),
  accountStatus: z.string(),
  meterId: Id,
  meterAssetNo: z.string(),
  multiplier: z.string(),
  registerDigits: z.number().int(),
  register: MeterRegisterSchema,
  previousPeriod: z.string().nullable(),
  previousValue: z.string().nullable(),
  /** Estimated kWh since the previous actual read (trued up by the next actual read). */
  openEstimatedKwh: z.string(),
  /** Valid consumptions of earlier periods, newest first (spike hint). */
  history: z.array(z.string()),
  current: z
    .object({
      readingId: Id,
      value: z.string(),
      consumption: z.string(),
      status: z.enum(READING_STATUS_CODES),
      exceptionCodes: z.array(z.string()),
    })
    .nullable(),
});
export type ReadingSheetRow = z.infer<typeof ReadingSheetRow>;
export const ReadingSheet = z.object({
  book: z.object({ code: z.string(), name: z.string(), readingDay: z.number().int() }),
  period: z.string(),
  settlement: z.number().int(),
  rows: z.array(ReadingSheetRow),
});
export type ReadingSheet = z.infer<typeof ReadingSheet>;

// --- Manual entry ----------------------------------------------------------------------------------
export const ManualReadingInput = z.object({
  meterId: Id,
  period: Period,
  settlement: ReadingSettlement.default(1),
  register: MeterRegisterSchema,
  readOn: IsoDate,
  value: ReadingValue,
});
export const ManualReadingsBody = z.object({
  source: z.enum(['manual', 'handheld']).default('manual'),
  readings: z.array(ManualReadingInput).min(1).max(5000),
});
export type ManualReadingsBody = z.infer<typeof ManualReadingsBody>;

// --- Intake batches (manual sheet, CSV upload, API) ------------------------------------------------
export const ReadingBatch = z.object({
  id: Id,
  kind: z.enum(['register', 'interval']),
  source: z.enum(READING_SOURCE_CODES),
  fileName: z.string().nullable(),
  status: z.enum(['completed', 'rejected']),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  exceptionRows: z.number().int(),
  errorRows: z.number().int(),
  createdAt: IsoDateTime,
});
export type ReadingBatch = z.infer<typeof ReadingBatch>;

export const ReadingBatchError = z.object({
  lineNo: z.number().int(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
  value: z.string().nullable(),
});
export type ReadingBatchError = z.infer<typeof ReadingBatchError>;
export const ReadingBatchErrorPage = pageOf(ReadingBatchError);
export type ReadingBatchErrorPage = z.infer<typeof ReadingBatchErrorPage>;

export const ReadingIntakeQuery = z.object({
  source: z.enum(['ami', 'handheld', 'api']).default('api'),
});

// --- Exceptions (review list) --------------------------------------------------------------------
export const ReadingExceptionQuery = PageQuery.extend({
  readingBook: z.string().trim().max(60).optional(),
  orgUnitId: z.coerce.number().int().positive().optional(),
  code: z.enum(READING_EXCEPTION_CODE_LIST).optional(),
  state: z.enum(READING_REVIEW_STATES).optional(),
  period: Period.optional(),
});
export const ReadingException = z.object({
  id: Id,
  readingId: z.number().int().nullable(),
  accountId: Id,
  accountNo: z.string(),
  customerName: z.string(),
  meterId: Id,
  meterAssetNo: z.string(),
  readingBook: z.string().nullable(),
  orgUnitId: Id,
  period: z.string(),
  settlement: z.number().int(),
  register: MeterRegisterSchema,
  codes: z.array(z.string()),
  state: z.enum(READING_REVIEW_STATES),
  value: z.string().nullable(),
  previousValue: z.string().nullable(),
  consumption: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: IsoDateTime,
  version: VersionField,
});
export type ReadingException = z.infer<typeof ReadingException>;
export const ReadingExceptionPage = pageOf(ReadingException);
export type ReadingExceptionPage = z.infer<typeof ReadingExceptionPage>;

export const ReadingReviewAction = z.enum(['accept', 'reject', 'reread']);
export const ReadingReviewBody = z.object({
  version: VersionField,
  note: z.string().trim().max(500).optional(),
});
export const ReadingCorrectBody = ReadingReviewBody.extend({ value: ReadingValue });
export const ReadingReviewParams = z.object({
  id: z.coerce.number().int().positive(),
  action: ReadingReviewAction,
});

// --- Account history -------------------------------------------------------------------------------
export const AccountReadingsParams = z.object({ accountId: z.coerce.number().int().positive() });
export const AccountReadingsQuery = z.object({ months: z.coerce.number().int().min(1).max(60).default(24) });
export const AccountReading = z.object({
  id: Id,
  meterId: Id,
  meterAssetNo: z.string(),
  period: z.string(),
  settlement: z.number().int(),
  register: MeterRegisterSchema,
  readOn: IsoDate,
  value: z.string(),
  previousValue: z.string().nullable(),
  multiplier: z.string(),
  consumption: z.string(),
  truedUpKwh: z.string(),
  source: z.enum(READING_SOURCE_CODES),
  status: z.enum(READING_STATUS_CODES),
  exceptionCodes: z.array(z.string()),
});
export type AccountReading = z.infer<typeof AccountReading>;
export const AccountReadings = z.object({
  accountId: Id,
  accountNo: z.string(),
  readings: z.array(AccountReading),
  /** Billable active energy per period (valid + estimated rows), oldest first: the chart. */
  monthly: z.array(z.object({ period: z.string(), kwh: z.string(), estimated: z.boolean() })),
});
export type AccountReadings = z.infer<typeof AccountReadings>;

// --- Replacement, estimation, unread ---------------------------------------------------------------
export const MeterReplacementBody = z.object({
  accountId: Id,
  oldMeterId: Id,
  newMeterId: Id,
  replacedOn: IsoDate,
  registers: z
    .array(z.object({ register: MeterRegisterSchema, oldFinal: ReadingValue, newInitial: ReadingValue }))
    .min(1)
    .max(7),
});
export type MeterReplacementBody = z.infer<typeof MeterReplacementBody>;
export const MeterReplacementResult = z.object({ ids: z.array(Id) });

export const EstimateBody = z.object({
  period: Period,
  settlement: z.union([z.literal(1), z.literal(2)]).optional(),
  orgUnitId: z.number().int().positive().optional(),
  readingBook: z.string().trim().min(1).max(60).optional(),
});
export const EstimateResult = z.object({ estimated: z.number().int() });

export const UnreadCheckBody = z.object({ period: Period.optional() });
export const UnreadCheckResult = z.object({ flagged: z.number().int(), notified: z.number().int() });

export const UnreadTaskQuery = PageQuery.extend({ status: z.enum(['open', 'done', 'cancelled']).optional() });
export const UnreadTask = z.object({
  id: Id,
  accountId: Id,
  accountNo: z.string(),
  customerName: z.string(),
  readingBook: z.string().nullable(),
  orgUnitId: Id,
  assigneeUserId: z.number().int().nullable(),
  lastActualPeriod: z.string().nullable(),
  unreadMonths: z.number().int(),
  status: z.enum(['open', 'done', 'cancelled']),
  notified: z.boolean(),
  flaggedOn: IsoDate,
});
export type UnreadTask = z.infer<typeof UnreadTask>;
export const UnreadTaskPage = pageOf(UnreadTask);
export type UnreadTaskPage = z.infer<typeof UnreadTaskPage>;
