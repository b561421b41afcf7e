// Payments, arrears, disconnection and the portal's billing pages (收费与欠费, domain.md §10, §18).
// Money crosses the API as integer fen; the web shows yuan.
import { z } from 'zod';
import { AGEING_BUCKETS } from '@gridcare/domain';
import { IsoDate, PageQuery, pageOf } from './common';
import { Period } from './validators';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Fen = z.number().int();
const PositiveFen = z.number().int().positive().max(10_000_000_000); // 100 million yuan: far above any single payment

export const PAYMENT_CHANNELS = ['counter', 'online', 'bank_withholding', 'manager', 'prepaid'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];
export const PAYABLE_BILL_STATUSES = ['issued', 'partially_paid', 'paid', 'superseded', 'cancelled'] as const;

/** A payment reference: counter slip number, gateway order, bank line — letters, digits and - _ . : */
export const PaymentReference = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z_.:-]{4,64}$/, 'reference: 4–64 letters, digits, - _ . :');

export const AccountNoQuery = z.object({
  accountNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{4,30}$/),
});

export const OpenBillView = z.object({
  id: z.number(),
  billNo: z.string(),
  period: z.string(),
  settlement: z.number().int(),
  dueDate: z.string(),
  status: z.enum(PAYABLE_BILL_STATUSES),
  totalFen: Fen,
  paidFen: Fen,
  outstandingFen: Fen,
  /** Late fee owed if paid today (违约金 to date). */
  lateFeeFen: Fen,
  lateFeeRule: z.string(),
  daysOverdue: z.number().int(),
});
export type OpenBillView = z.infer<typeof OpenBillView>;

export const AccountDue = z.object({
  accountId: z.number(),
  accountNo: z.string(),
  customerId: z.number(),
  customerName: z.string(),
  orgUnitId: z.number(),
  tariffCategory: z.string(),
  asOf: z.string(),
  bills: z.array(OpenBillView),
  principalFen: Fen,
  lateFeeFen: Fen,
  totalDueFen: Fen,
  prepaidBalanceFen: Fen,
  hasWithholdingAgreement: z.boolean(),
});
export type AccountDue = z.infer<typeof AccountDue>;

export const PaymentPostBody = z.object({
  accountId: z.number().int().positive(),
  amountFen: PositiveFen,
  reference: PaymentReference,
  /** Counter (营业厅) or an account manager's collection (客户经理代收). */
  channel: z.enum(['counter', 'manager']).default('counter'),
  payerName: Text(60).optional(),
  note: Text(200).optional(),
});
export type PaymentPostBody = z.infer<typeof PaymentPostBody>;

export const PaymentAllocationView = z.object({
  billId: z.number(),
  billNo: z.string(),
  period: z.string(),
  principalFen: Fen,
  lateFeeFen: Fen,
  lateFeeRule: z.string().nullable(),
});

export const Payment = z.object({
  id: z.number(),
  paymentNo: z.string(),
  reference: z.string(),
  channel: z.enum(PAYMENT_CHANNELS),
  accountId: z.number(),
  accountNo: z.string(),
  customerId: z.number(),
  customerName: z.string(),
  orgUnitId: z.number(),
  amountFen: Fen,
  lateFeeFen: Fen,
  principalFen: Fen,
  prepaidFen: Fen,
  status: z.enum(['posted', 'refunded']),
  payDate: z.string(),
  paidAt: z.string(),
  externalTxnId: z.string().nullable(),
  payerName: z.string().nullable(),
  postedByName: z.string().nullable(),
  receiptId: z.number().nullable(),
  receiptNo: z.string().nullable(),
  allocations: z.array(PaymentAllocationView),
});
export type Payment = z.infer<typeof Payment>;

export const PaymentListQuery = PageQuery.extend({
  q: z.string().trim().max(64).optional(),
  channel: z.enum(PAYMENT_CHANNELS).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type PaymentListQuery = z.infer<typeof PaymentListQuery>;
export const PaymentPage = pageOf(Payment.omit({ allocations: true }));
export type PaymentPage = z.infer<typeof PaymentPage>;

// --- Refunds ----------------------------------------------------------------------------------------
export const REFUND_STATUSES = ['requested', 'approved', 'rejected'] as const;
export const RefundCreate = z.object({
  accountId: z.number().int().positive(),
  amountFen: PositiveFen,
  reason: Text(200),
  paymentId: z.number().int().positive().optional(),
});
export type RefundCreate = z.infer<typeof RefundCreate>;
export const RefundDecision = z.object({
  approve: z.boolean(),
  note: Text(200).optional(),
  version: z.number().int().positive(),
});
export type RefundDecision = z.infer<typeof RefundDecision>;
export const Refund = z.object({
  id: z.number(),
  refundNo: z.string(),
  accountId: z.number(),
  accountNo: z.string(),
  customerName: z.string(),
  amountFen: Fen,
  reason: z.string(),
  status: z.enum(REFUND_STATUSES),
  requestedByName: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Refund = z.infer<typeof Refund>;
export const RefundListQuery = PageQuery.extend({ status: z.enum(REFUND_STATUSES).optional() });
export const RefundPage = pageOf(Refund);

// --- Arrears and collection rate --------------------------------------------------------------------
export const AgeingBucketSchema = z.enum(AGEING_BUCKETS as [string, ...string[]]);
export const ArrearsQuery = PageQuery.extend({
  orgUnitId: z.coerce.number().int().positive().optional(),
  bucket: AgeingBucketSchema.optional(),
  q: z.string().trim().max(64).optional(),
});
export type ArrearsQuery = z.infer<typeof ArrearsQuery>;
export const ArrearsRow = z.object({
  accountId: z.number(),
  accountNo: z.string(),
  customerId: z.number(),
  customerName: z.string(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  tariffCategory: z.string(),
  bills: z.number().int(),
  principalFen: Fen,
  lateFeeFen: Fen,
  oldestDueDate: z.string(),
  daysOverdue: z.number().int(),
  bucket: AgeingBucketSchema,
});
export type ArrearsRow = z.infer<typeof ArrearsRow>;
export const ArrearsPage = pageOf(ArrearsRow).extend({
  asOf: z.string(),
  buckets: z.array(z.object({ bucket: AgeingBucketSchema, accounts: z.number().int(), principalFen: Fen })),
});
export type ArrearsPage = z.infer<typeof ArrearsPage>;

export const CollectionRateQuery = z.object({
  from: Period,
  to: Period,
  orgUnitId: z.coerce.number().int().positive().optional(),
});
export type CollectionRateQuery = z.infer<typeof CollectionRateQuery>;
export const CollectionRateRow = z.object({
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  period: z.string(),
  bills: z.number().int(),
  billedFen: Fen,
  collectedFen: Fen,
  /** Percent with two decimals; null when nothing was billed. */
  rate: z.string().nullable(),
});
export const CollectionRateReport = z.object({
  rows: z.array(CollectionRateRow),
  total: CollectionRateRow.omit({ orgUnitId: true, period: true }),
});
export type CollectionRateReport = z.infer<typeof CollectionRateReport>;

export const ManagerReminderRow = z.object({
  customerId: z.number(),
  customerName: z.string(),
  accountId: z.number(),
  accountNo: z.string(),
  billId: z.number(),
  billNo: z.string(),
  period: z.string(),
  dueDate: z.string(),
  outstandingFen: Fen,
  daysToDue: z.number().int(),
  managerName: z.string().nullable(),
});
export const ManagerReminderList = z.object({ items: z.array(ManagerReminderRow), asOf: z.string() });

// --- Bank withholding (代扣) ------------------------------------------------------------------------
export const WithholdingBatchCreate = z.object({
  bankCode: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{2,12}$/),
  orgUnitId: z.number().int().positive().optional(),
});
export const WithholdingBatch = z.object({
  id: z.number(),
  batchNo: z.string(),
  bankCode: z.string(),
  status: z.enum(['exported', 'result_imported']),
  lineCount: z.number().int(),
  totalFen: Fen,
  succeededCount: z.number().int(),
  succeededFen: Fen,
  failedCount: z.number().int(),
  createdAt: z.string(),
  resultImportedAt: z.string().nullable(),
});
export type WithholdingBatch = z.infer<typeof WithholdingBatch>;
export const WithholdingBatchPage = pageOf(WithholdingBatch);
export const WithholdingRowError = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export const WithholdingImportResult = z.object({
  batch: WithholdingBatch,
  accepted: z.boolean(),
  errors: z.array(WithholdingRowError),
  posted: z.number().int(),
  failed: z.array(z.object({ lineNo: z.number().int(), accountNo: z.string(), reason: z.string() })),
});
export type WithholdingImportResult = z.infer<typeof WithholdingImportResult>;

// --- Disconnection (欠费停电) ------------------------------------------------------------------------
export const DISCONNECTION_STATUSES = [
  'created',
  'notice_sent',
  'reminded',
  'disconnected',
  'reconnect_pending',
  'reconnected',
  'cancelled',
] as const;
export const DisconnectionCreate = z.object({
  accountId: z.number().int().positive(),
  /** When supply will be cut: 3–7 days after the notice, which is sent when the case is created. */
  plannedAt: z.string().datetime({ offset: true }),
  note: Text(200).optional(),
});
export const DisconnectionActionBody = z.object({
  action: z.enum(['disconnect', 'reconnect', 'cancel']),
  version: z.number().int().positive(),
});
export const DisconnectionCase = z.object({
  id: z.number(),
  caseNo: z.string(),
  accountId: z.number(),
  accountNo: z.string(),
  customerName: z.string(),
  orgUnitId: z.number(),
  arrearsFen: Fen,
  status: z.enum(DISCONNECTION_STATUSES),
  plannedAt: z.string(),
  noticeSentAt: z.string().nullable(),
  remindAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  disconnectedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  reconnectDueAt: z.string().nullable(),
  reconnectedAt: z.string().nullable(),
  version: z.number().int(),
});
export type DisconnectionCase = z.infer<typeof DisconnectionCase>;
export const DisconnectionListQuery = PageQuery.extend({ status: z.enum(DISCONNECTION_STATUSES).optional() });
export const DisconnectionPage = pageOf(DisconnectionCase);

// --- Portal billing (网上营业厅 电费) ----------------------------------------------------------------
export const PortalBillQuery = z.object({
  accountNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{4,30}$/),
});
export const PortalBillLine = z.object({
  code: z.string(),
  labelKey: z.string().optional(),
  quantity: z.string().optional(),
  unit: z.string().optional(),
  price: z.string().optional(),
  amountFen: Fen,
  rule: z.string().optional(),
});
export const PortalBill = z.object({
  id: z.number(),
  billNo: z.string(),
  period: z.string(),
  settlement: z.number().int(),
  status: z.enum(PAYABLE_BILL_STATUSES),
  energyKwh: z.string(),
  totalFen: Fen,
  paidFen: Fen,
  outstandingFen: Fen,
  lateFeeFen: Fen,
  dueDate: z.string(),
  estimated: z.boolean(),
  lines: z.array(PortalBillLine),
});
export type PortalBill = z.infer<typeof PortalBill>;
export const PortalBilling = z.object({
  accountNo: z.string(),
  asOf: z.string(),
  bills: z.array(PortalBill),
  totalDueFen: Fen,
  prepaidBalanceFen: Fen,
});
export type PortalBilling = z.infer<typeof PortalBilling>;
export const PortalPayBody = z.object({
  accountNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{4,30}$/),
  /** Bills to pay; empty or absent: everything due on the account. */
  billIds: z.array(z.number().int().positive()).max(60).optional(),
  /** Where the gateway sends the customer back (a path of this site). */
  returnPath: z
    .string()
    .regex(/^\/portal(\/[A-Za-z0-9/_-]*)?(\?[A-Za-z0-9=&_-]*)?$/)
    .optional(),
});
export type PortalPayBody = z.infer<typeof PortalPayBody>;
export const PortalPayOrder = z.object({ orderNo: z.string(), amountFen: Fen, payUrl: z.string() });
export type PortalPayOrder = z.infer<typeof PortalPayOrder>;
export const PortalOrderStatus = z.object({
  orderNo: z.string(),
  status: z.enum(['created', 'paid', 'closed']),
  amountFen: Fen,
  paymentNo: z.string().nullable(),
});
export const PortalPayment = z.object({
  paymentNo: z.string(),
  receiptId: z.number().nullable(),
  receiptNo: z.string().nullable(),
  channel: z.enum(PAYMENT_CHANNELS),
  amountFen: Fen,
  paidAt: z.string(),
});
export const PortalPaymentList = z.object({ items: z.array(PortalPayment) });
