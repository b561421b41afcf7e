// Tariffs and bills (电价与电费, domain.md §9): the tariff catalogue, the quote calculator, bill runs,
// bills with their explanation, and re-bill/adjustment documents (退补). The tariff document schema is
// written against the tariff engine's TariffVersion type (packages/domain/src/billing/types.ts); the
// compile-time checks at the bottom of this file fail the build if the two ever drift apart.
import { z } from 'zod';
import {
  TARIFF_CATEGORY_LIST,
  TOU_PERIODS,
  VOLTAGE_LEVELS,
  type BillInput,
  type PricedLine,
  type TariffCategory,
  type TariffVersion,
} from '@gridcare/domain';
import { Id, IsoDate, PageQuery, VersionField, pageOf } from './common';
import { Period } from './validators';

const Text = (max = 200) => z.string().trim().min(1).max(max);
const OptText = (max = 200) => z.string().trim().max(max).nullish();

// --- Numbers ---------------------------------------------------------------------------------------
/** A price in yuan: a decimal string with up to 6 decimals ('0.5469', '25.5'). */
export const PriceString = z
  .string()
  .trim()
  .regex(/^\d{1,6}(\.\d{1,6})?$/, { message: '价格应为最多 6 位小数的非负数，如 0.5469' });
/** A TOU ratio or a price may also be signed in a line (power-factor percentage). */
export const SignedDecimalString = z.string().regex(/^-?\d+(\.\d+)?$/);
/** A quantity (kWh, kvarh, kW, kVA): a number or a decimal string, ≥ 0, at most 2 decimals. */
export const QuantityValue = z.union([
  z
    .number()
    .nonnegative()
    .max(1e12)
    .refine((v) => Number.isFinite(v) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
      message: '数量最多 2 位小数',
    }),
  z
    .string()
    .trim()
    .regex(/^\d{1,12}(\.\d{1,2})?$/, { message: '数量应为最多 2 位小数的非负数' }),
]);

export const TariffCategorySchema = z.enum(TARIFF_CATEGORY_LIST as [TariffCategory, ...TariffCategory[]]);
export const VoltageLevelSchema = z.enum(VOLTAGE_LEVELS);
export const TouPeriodSchema = z.enum(
  TOU_PERIODS as [(typeof TOU_PERIODS)[number], ...(typeof TOU_PERIODS)[number][]],
);
export const BASIC_FEE_METHODS = ['none', 'capacity', 'contract_demand', 'actual_demand'] as const;
export const PF_STANDARDS = ['none', '0.90', '0.85', '0.80'] as const;
export const TRANSFORMER_STATES = ['running', 'hot_standby', 'cold_standby'] as const;

// --- Tariff document (the engine's TariffVersion) -------------------------------------------------------
const VoltagePricesSchema = z.object({
  default: PriceString,
  '220V': PriceString.optional(),
  '380V': PriceString.optional(),
  '10kV': PriceString.optional(),
  '20kV': PriceString.optional(),
  '35kV': PriceString.optional(),
  '110kV': PriceString.optional(),
  '220kV': PriceString.optional(),
});
const TouPriceSchema = z.object({ kind: z.enum(['price', 'ratio']), value: PriceString });
const CategoryTariffSchema = z.object({
  energy: VoltagePricesSchema,
  tou: z
    .object({
      critical_peak: TouPriceSchema.nullish(),
      peak: TouPriceSchema,
      flat: TouPriceSchema,
      valley: TouPriceSchema,
    })
    .nullish(),
  basic: z.object({ perKvaMonth: PriceString, perKwMonth: PriceString }).nullish(),
});
const HourMinute24 = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: '时间应为 HH:MM' });
const TouSeasonSchema = z.object({
  code: Text(20),
  name: Text(40),
  months: z.array(z.number().int().min(1).max(12)).min(1).max(12),
  intervals: z
    .array(z.object({ from: HourMinute24, to: HourMinute24, period: TouPeriodSchema }))
    .min(1)
    .max(48),
});
const Thresholds = z.tuple([z.number().int().min(0).max(100_000), z.number().int().min(0).max(100_000)]);
const ResidentialTierSettingsSchema = z.object({
  monthlyThresholdsKwh: Thresholds,
  prices: z.tuple([PriceString, PriceString, PriceString]),
  largeHousehold: z
    .object({ minPersons: z.number().int().min(2).max(50), monthlyThresholdsKwh: Thresholds })
    .nullable(),
  lowIncomeFreeKwhPerMonth: z.number().int().min(0).max(1000),
});
const SurchargeSchema = z.object({
  code: Text(40),
  name: Text(60),
  rates: z.partialRecord(TariffCategorySchema, PriceString),
});
const CategoriesSchema = z.object({
  residential: CategoryTariffSchema,
  commercial: CategoryTariffSchema,
  large_industry: CategoryTariffSchema,
  general_industry: CategoryTariffSchema,
  agriculture: CategoryTariffSchema,
});

/** The editable body of a version: prices and their settings (identity fields live on the version row). */
export const TariffComponents = z.object({
  categories: CategoriesSchema,
  residentialTiers: ResidentialTierSettingsSchema,
  surcharges: z.array(SurchargeSchema).max(30),
  touSeasons: z.array(TouSeasonSchema).max(12),
});
export type TariffComponents = z.infer<typeof TariffComponents>;

/** The full document the tariff engine prices with (stored in tariff_versions.document). */
export const TariffVersionDocument = TariffComponents.extend({
  id: z.number().int().nonnegative(),
  code: Text(40),
  name: Text(100),
  effectiveFrom: IsoDate,
}) satisfies z.ZodType<TariffVersion>;

// --- Tariff catalogue API ------------------------------------------------------------------------------
export const TARIFF_VERSION_STATUSES = ['draft', 'active', 'retired'] as const;
export const TariffVersionStatus = z.enum(TARIFF_VERSION_STATUSES);

export const TariffVersionSummary = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  effectiveFrom: z.string(),
  status: TariffVersionStatus,
  basedOnId: z.number().nullable(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  activatedByName: z.string().nullable(),
  activatedAt: z.string().nullable(),
  /** Whether this version is the one in force today. */
  inForce: z.boolean(),
  version: z.number(),
});
export type TariffVersionSummary = z.infer<typeof TariffVersionSummary>;
export const TariffVersionDetail = TariffVersionSummary.extend({ document: TariffVersionDocument });
export type TariffVersionDetail = z.infer<typeof TariffVersionDetail>;
export const TariffVersionList = z.object({ items: z.array(TariffVersionSummary) });

const TariffCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,39}$/, { message: '版本编号为 2–40 位字母、数字、点、横线或下划线' });

/** A new draft: a copy of `basedOnId` (default: the version in force today) with a new code and date. */
export const TariffVersionCreate = z.object({
  basedOnId: Id.optional(),
  code: TariffCode,
  name: Text(100),
  effectiveFrom: IsoDate,
  note: OptText(500),
});
export type TariffVersionCreate = z.infer<typeof TariffVersionCreate>;

export const TariffVersionUpdate = z.object({
  version: VersionField,
  code: TariffCode.optional(),
  name: Text(100).optional(),
  effectiveFrom: IsoDate.optional(),
  note: OptText(500),
  components: TariffComponents.optional(),
});
export type TariffVersionUpdate = z.infer<typeof TariffVersionUpdate>;
export const VersionBody = z.object({ version: VersionField });

// --- Priced bill lines ------------------------------------------------------------------------------
export const BILL_LINE_CODES = [
  'energy',
  'energy_tier_1',
  'energy_tier_2',
  'energy_tier_3',
  'low_income_free',
  'energy_critical_peak',
  'energy_peak',
  'energy_flat',
  'energy_valley',
  'energy_split',
  'basic_capacity',
  'basic_demand',
  'basic_demand_excess',
  'power_factor',
  'surcharge',
  'tier_settlement',
  // Not from the engine: a manual amount on an adjustment document (退补).
  'manual_adjustment',
] as const;
export const BillLine = z.object({
  code: z.enum(BILL_LINE_CODES),
  labelKey: z.string(),
  tariffCategory: TariffCategorySchema.optional(),
  quantity: z.string(),
  unit: z.enum(['kWh', 'kVA', 'kW', 'yuan']),
  price: z.string(),
  amountFen: z.number().int(),
  rule: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type BillLine = z.infer<typeof BillLine>;

export const PricedBillView = z.object({
  tariffVersionId: z.number(),
  tariffCategory: TariffCategorySchema,
  lines: z.array(BillLine),
  totalFen: z.number().int(),
  energyKwh: z.string(),
  powerFactor: z.string().nullish(),
});

// --- Bill input (quote; corrected inputs of a re-bill) ---------------------------------------------------
const EnergyRegistersSchema = z.object({
  totalKwh: QuantityValue,
  criticalPeakKwh: QuantityValue.nullish(),
  peakKwh: QuantityValue.nullish(),
  flatKwh: QuantityValue.nullish(),
  valleyKwh: QuantityValue.nullish(),
});
const TransformerInput = z.object({
  id: Text(40),
  capacityKva: QuantityValue,
  kind: z.enum(['transformer', 'hv_motor', 'capacitor']).optional(),
  state: z.enum(TRANSFORMER_STATES),
  sealed: z.boolean(),
  interlockGroup: OptText(20),
  inServiceFrom: IsoDate.nullish(),
  inServiceTo: IsoDate.nullish(),
});
const CapacityChangeInput = z.object({
  kind: z.enum(['suspension', 'reduction']),
  transformerIds: z.array(Text(40)).max(50),
  sealedOn: IsoDate,
  restoredOn: IsoDate.nullish(),
  halfPay: z.boolean().optional(),
});
const ResidentialFactsInput = z.object({
  cycle: z.enum(['annual', 'monthly']),
  monthsOfServiceInCycle: z.number().int().min(1).max(12),
  monthsInBill: z.number().int().min(1).max(12).optional(),
  householdSize: z.number().int().min(1).max(50),
  lowIncome: z.boolean(),
  kwhBilledInCycle: QuantityValue,
});
const PriceSplitInput = z.object({
  method: z.enum(['fixed_ratio', 'fixed_quantity']),
  parts: z
    .array(z.object({ tariffCategory: TariffCategorySchema, value: z.number().nonnegative().max(1e9) }))
    .min(1)
    .max(5),
});

/** What the tariff engine prices (the engine's BillInput). */
export const BillInputSchema = z.object({
  period: Period,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  tariffCategory: TariffCategorySchema,
  voltageLevel: VoltageLevelSchema,
  energy: EnergyRegistersSchema,
  reactiveKvarh: QuantityValue.nullish(),
  maxDemandKw: QuantityValue.nullish(),
  basicFeeMethod: z.enum(BASIC_FEE_METHODS),
  pfStandard: z.enum(PF_STANDARDS),
  transformers: z.array(TransformerInput).max(50).optional(),
  contractDemandKw: QuantityValue.nullish(),
  connectedOn: IsoDate.nullish(),
  terminatedOn: IsoDate.nullish(),
  capacityChanges: z.array(CapacityChangeInput).max(20).optional(),
  includeBasicCharge: z.boolean().optional(),
  residential: ResidentialFactsInput.nullish(),
  priceSplit: PriceSplitInput.nullish(),
}) satisfies z.ZodType<BillInput>;

/**
 * "What would I pay": a hypothetical account and its readings. Period start and end default to the
 * calendar month; the tariff version defaults to the one in force at the period start.
 */
export const QuoteBody = BillInputSchema.extend({
  periodStart: IsoDate.optional(),
  periodEnd: IsoDate.optional(),
  basicFeeMethod: z.enum(BASIC_FEE_METHODS).default('none'),
  pfStandard: z.enum(PF_STANDARDS).default('none'),
  tariffVersionId: Id.optional(),
});
export type QuoteBody = z.infer<typeof QuoteBody>;
export const TariffRef = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  effectiveFrom: z.string(),
});
export const QuoteResult = z.object({ tariffVersion: TariffRef, bill: PricedBillView });
export type QuoteResult = z.infer<typeof QuoteResult>;

// --- Bill runs ---------------------------------------------------------------------------------------
export const BILL_RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export const BillRunCreate = z
  .object({
    period: Period,
    settlement: z.union([z.literal(1), z.literal(2)]).default(1),
    orgUnitId: Id.optional(),
    readingBook: z.string().trim().min(1).max(40).optional(),
    /** Days from issue to the due date (domain.md §10; default 15). */
    dueDays: z.number().int().min(0).max(90).optional(),
    /** Issue date of the bills (default today, Asia/Shanghai). */
    issueDate: IsoDate.optional(),
  })
  .refine((b) => b.orgUnitId !== undefined || b.readingBook !== undefined, {
    path: ['orgUnitId'],
    message: '请选择供电单位或抄表段',
  });
export type BillRunCreate = z.infer<typeof BillRunCreate>;

export const BillRunIssue = z.object({
  accountId: z.number(),
  accountNo: z.string().nullable().optional(),
  code: z.string(),
  message: z.string(),
});
export const BillRun = z.object({
  id: z.number(),
  period: z.string(),
  settlement: z.number(),
  orgUnitId: z.number().nullable(),
  orgUnitName: z.string().nullable(),
  readingBook: z.string().nullable(),
  status: z.enum(BILL_RUN_STATUSES),
  totalAccounts: z.number().nullable(),
  processedAccounts: z.number(),
  billedAccounts: z.number(),
  skippedAccounts: z.number(),
  skippedNoReadings: z.number(),
  skippedExisting: z.number(),
  skippedErrors: z.number(),
  estimatedReadings: z.number(),
  totalFen: z.number(),
  /** processed / total, 0–1. */
  progress: z.number(),
  error: z.string().nullable(),
  issues: z.array(BillRunIssue),
  tariffVersionId: z.number().nullable(),
  issueDate: z.string().nullable(),
  dueDays: z.number(),
  startedByName: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type BillRun = z.infer<typeof BillRun>;
export const BillRunPage = pageOf(BillRun);
export const BillRunListQuery = PageQuery.extend({
  period: Period.optional(),
  status: z.enum(BILL_RUN_STATUSES).optional(),
});

// --- Bills -----------------------------------------------------------------------------------------
export const BILL_STATUSES = ['issued', 'partially_paid', 'paid', 'superseded', 'cancelled'] as const;
export const BillStatus = z.enum(BILL_STATUSES);
export const BillListQuery = PageQuery.extend({
  period: Period.optional(),
  status: BillStatus.optional(),
  /** Unpaid = issued or partially paid. */
  unpaid: z.coerce.boolean().optional(),
  customerId: z.coerce.number().int().positive().optional(),
  accountId: z.coerce.number().int().positive().optional(),
  accountNo: z.string().trim().max(30).optional(),
  billNo: z.string().trim().max(40).optional(),
  orgUnitId: z.coerce.number().int().positive().optional(),
  runId: z.coerce.number().int().positive().optional(),
  tariffCategory: TariffCategorySchema.optional(),
});
export type BillListQuery = z.infer<typeof BillListQuery>;

export const BillSummary = z.object({
  id: z.number(),
  billNo: z.string(),
  accountId: z.number(),
  accountNo: z.string(),
  customerId: z.number(),
  customerName: z.string(),
  orgUnitId: z.number(),
  orgUnitName: z.string().nullable(),
  period: z.string(),
  settlement: z.number(),
  kind: z.enum(['regular', 'rebill']),
  tariffCategory: z.string(),
  energyKwh: z.string(),
  estimated: z.boolean(),
  totalFen: z.number(),
  paidFen: z.number(),
  status: BillStatus,
  dueDate: z.string(),
  issuedAt: z.string(),
});
export type BillSummary = z.infer<typeof BillSummary>;
export const BillPage = pageOf(BillSummary);

export const BillReading = z.object({
  meterId: z.number(),
  meterAssetNo: z.string().nullable(),
  register: z.string(),
  readOn: z.string(),
  value: z.string(),
  previousValue: z.string().nullable(),
  multiplier: z.string(),
  consumption: z.string(),
  source: z.string(),
  status: z.string(),
});
/** One line of "explain this bill": quantity × price = amount, and the rule applied. */
export const BillExplanationLine = z.object({
  code: z.string(),
  labelKey: z.string(),
  formula: z.string(),
  amountFen: z.number(),
  rule: z.string(),
});
export const BillDetail = BillSummary.extend({
  periodStart: z.string(),
  periodEnd: z.string(),
  supersedesId: z.number().nullable(),
  supersededById: z.number().nullable(),
  runId: z.number().nullable(),
  lines: z.array(BillLine),
  explanation: z.array(BillExplanationLine),
  powerFactor: z.string().nullable(),
  tariffVersion: TariffRef.nullable(),
  readings: z.array(BillReading),
  paidAt: z.string().nullable(),
  version: z.number(),
});
export type BillDetail = z.infer<typeof BillDetail>;

export const CustomerBillingHistory = z.object({
  customerId: z.number(),
  /** Per period (oldest first): kWh and amount of the live bills of all the customer's accounts. */
  periods: z.array(
    z.object({ period: z.string(), energyKwh: z.string(), totalFen: z.number(), paidFen: z.number() }),
  ),
  bills: z.array(BillSummary),
});
export type CustomerBillingHistory = z.infer<typeof CustomerBillingHistory>;

// --- Re-bills and adjustments (退补) -------------------------------------------------------------------
export const ADJUSTMENT_REASONS = [
  'meter_error',
  'wrong_reading',
  'wrong_tariff',
  'wrong_archive',
  'other',
] as const;
export const ADJUSTMENT_STATUSES = ['draft', 'approved', 'rejected', 'cancelled'] as const;

/** Corrected inputs: anything given replaces what the bill was computed from. */
export const AdjustmentCorrections = z.object({
  energy: EnergyRegistersSchema.optional(),
  reactiveKvarh: QuantityValue.nullish(),
  maxDemandKw: QuantityValue.nullish(),
  tariffCategory: TariffCategorySchema.optional(),
  voltageLevel: VoltageLevelSchema.optional(),
  basicFeeMethod: z.enum(BASIC_FEE_METHODS).optional(),
  pfStandard: z.enum(PF_STANDARDS).optional(),
  /** Meter error proven by a test: the recorded kWh are divided by (1 + error), e.g. +0.05 → ÷ 1.05. */
  meterErrorPercent: z.number().min(-50).max(50).optional(),
});
export type AdjustmentCorrections = z.infer<typeof AdjustmentCorrections>;

export const AdjustmentCreate = z
  .object({
    billId: Id,
    reason: z.enum(ADJUSTMENT_REASONS),
    reasonText: Text(500),
    mode: z.enum(['recompute', 'manual']),
    corrections: AdjustmentCorrections.optional(),
    /** Manual mode: an amount added to the bill (negative = refund), with its description. */
    manualAmountFen: z.number().int().min(-1_000_000_000).max(1_000_000_000).optional(),
    manualDescription: OptText(200),
  })
  .superRefine((b, ctx) => {
    if (b.mode === 'manual') {
      if (b.manualAmountFen === undefined || b.manualAmountFen === 0)
        ctx.addIssue({ code: 'custom', path: ['manualAmountFen'], message: '请填写调整金额（不能为 0）' });
      if (!b.manualDescription)
        ctx.addIssue({ code: 'custom', path: ['manualDescription'], message: '请填写调整说明' });
    }
    if (b.mode === 'recompute' && (!b.corrections || Object.keys(b.corrections).length === 0))
      ctx.addIssue({ code: 'custom', path: ['corrections'], message: '请填写至少一项更正内容' });
  });
export type AdjustmentCreate = z.infer<typeof AdjustmentCreate>;

export const Adjustment = z.object({
  id: z.number(),
  docNo: z.string(),
  billId: z.number(),
  billNo: z.string(),
  accountId: z.number(),
  accountNo: z.string(),
  customerId: z.number(),
  customerName: z.string(),
  orgUnitId: z.number(),
  period: z.string(),
  reason: z.enum(ADJUSTMENT_REASONS),
  reasonText: z.string(),
  mode: z.enum(['recompute', 'manual']),
  corrections: z.record(z.string(), z.unknown()),
  oldLines: z.array(BillLine),
  newLines: z.array(BillLine),
  oldTotalFen: z.number(),
  newTotalFen: z.number(),
  differenceFen: z.number(),
  paidFen: z.number(),
  refundFen: z.number(),
  status: z.enum(ADJUSTMENT_STATUSES),
  draftedById: z.number(),
  draftedByName: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  newBillId: z.number().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type Adjustment = z.infer<typeof Adjustment>;
export const AdjustmentPage = pageOf(Adjustment);
export const AdjustmentListQuery = PageQuery.extend({
  status: z.enum(ADJUSTMENT_STATUSES).optional(),
  billId: z.coerce.number().int().positive().optional(),
});
export const AdjustmentDecision = z.object({
  version: VersionField,
  decision: z.enum(['approve', 'reject']),
  note: OptText(500),
});
export type AdjustmentDecision = z.infer<typeof AdjustmentDecision>;

// --- Compile-time agreement with the tariff engine ---------------------------------------------------
// `satisfies` above proves every document the schema accepts is a TariffVersion / BillInput; these prove
// the reverse (every engine value passes the schema's shape) and that no top-level field is missing.
type Assignable<A extends B, B> = A;
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : false;
export type TariffDocumentAgreesWithEngine = [
  Assignable<TariffVersion, z.infer<typeof TariffVersionDocument>>,
  Assignable<SameKeys<TariffVersion, z.infer<typeof TariffVersionDocument>>, true>,
  Assignable<PricedLine, z.input<typeof BillLine>>,
  Assignable<SameKeys<BillInput, z.infer<typeof BillInputSchema>>, true>,
];

// --- Billing facts of an account (what the tariff needs besides readings) ------------------------------
/**
 * Facts a billing clerk records from the customer's documents: household size (≥ 5 people get the larger
 * tier 1), low-income household (free kWh each month), the tier cycle, and the contract demand of a
 * demand-billed account. Absent facts mean the defaults: 1 person, no relief, annual cycle, no contract demand.
 */
export const AccountBillingFacts = z.object({
  accountId: z.number().int(),
  householdSize: z.number().int().min(1).max(50).nullable(),
  lowIncome: z.boolean(),
  tierCycle: z.enum(['annual', 'monthly']),
  contractDemandKw: z.string().nullable(),
  /** 0 while nothing has been recorded for the account. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type AccountBillingFacts = z.infer<typeof AccountBillingFacts>;

export const AccountBillingFactsUpdate = z.object({
  householdSize: z.number().int().min(1).max(50).nullable(),
  lowIncome: z.boolean(),
  tierCycle: z.enum(['annual', 'monthly']),
  contractDemandKw: z
    .string()
    .regex(/^\d{1,9}(\.\d{1,2})?$/, { message: '合同需量应为非负数，最多两位小数' })
    .nullable(),
  /** The version read (0 when none was recorded yet): a stale write is refused with 409. */
  version: z.number().int().min(0),
});
export type AccountBillingFactsUpdate = z.infer<typeof AccountBillingFactsUpdate>;

export const AccountIdParam = z.object({ accountId: z.coerce.number().int().positive() });
