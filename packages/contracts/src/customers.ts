// The customer archive's API contract: one schema source for the server, the import and the web forms.
import { z } from 'zod';
import {
  ACCOUNT_STATUSES,
  AREA_CLASSES,
  BASIC_FEE_METHODS,
  CERT_TYPES,
  CHANNELS,
  CONTACT_ROLES,
  CUSTOMER_CLASSES,
  CUSTOMER_KINDS,
  IMPORTANCE_TIERS,
  METER_TYPES,
  PF_STANDARDS,
  PRICE_SPLIT_METHODS,
  RELATIONSHIPS,
  SEAL_STATUSES,
  SUPPLY_MODES,
  TARIFF_CATEGORIES,
  TRANSFORMER_STATES,
  VOLTAGE_LEVELS,
} from '@gridcare/domain';
import { IsoDate, PageQuery, VersionField, pageOf } from './common';
import { msg } from './messages';
import { Email, HourMinute, MobileNumber, PhoneNumber, certificateIssue } from './validators';

const Text = (max = 200) => z.string().trim().min(1).max(max);
const OptText = (max = 200) => z.string().trim().max(max).nullish();

// --- Contacts -------------------------------------------------------------------------------------
export const ContactInput = z.object({
  name: Text(50),
  role: z.enum(CONTACT_ROLES).default('other'),
  mobile: MobileNumber.nullish(),
  phone: PhoneNumber.nullish(),
  email: Email.nullish(),
  wechat: OptText(64),
  preferredChannel: z.enum(CHANNELS).default('sms'),
  quietStart: HourMinute.nullish(),
  quietEnd: HourMinute.nullish(),
  consents: z.record(z.string(), z.boolean()).default({}),
  isPrimary: z.boolean().default(false),
});
export type ContactInput = z.infer<typeof ContactInput>;
export const Contact = ContactInput.extend({ id: z.number(), customerId: z.number(), version: z.number() });
export type Contact = z.infer<typeof Contact>;

// --- Premises (用电地址/供电点) -----------------------------------------------------------------------
export const PremiseInput = z.object({
  province: Text(20),
  city: Text(20),
  district: Text(20),
  street: OptText(50),
  detail: Text(200),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  areaClass: z.enum(AREA_CLASSES),
  transformerAreaId: z.number().int().positive().nullish(),
  feederId: z.number().int().positive().nullish(),
});
export type PremiseInput = z.infer<typeof PremiseInput>;
export const Premise = PremiseInput.extend({
  id: z.number(),
  customerId: z.number(),
  fullAddress: z.string(),
  version: z.number(),
});
export type Premise = z.infer<typeof Premise>;

// --- Accounts (用电户, 户号) ----------------------------------------------------------------------------
export const AccountInput = z.object({
  accountNo: z
    .string()
    .trim()
    .regex(/^\d{10}$/, 'account number is 10 digits')
    .optional(),
  premiseId: z.number().int().positive().nullish(),
  status: z.enum(ACCOUNT_STATUSES).default('active'),
  voltageLevel: z.enum(VOLTAGE_LEVELS),
  supplyMode: z.enum(SUPPLY_MODES).default('single'),
  contractCapacityKva: z.number().min(0).max(10_000_000).default(0),
  tariffCategory: z.enum(TARIFF_CATEGORIES),
  basicFeeMethod: z.enum(BASIC_FEE_METHODS).default('none'),
  pfStandard: z.enum(PF_STANDARDS).default('none'),
  readingBook: OptText(20),
  readingDay: z.number().int().min(1).max(28).nullish(),
});
export type AccountInput = z.infer<typeof AccountInput>;
export const Account = AccountInput.extend({
  id: z.number(),
  customerId: z.number(),
  accountNo: z.string(),
  version: z.number(),
});
export type Account = z.infer<typeof Account>;

// --- Meters (电能表) ---------------------------------------------------------------------------------
export const PriceSplit = z.object({
  method: z.enum(PRICE_SPLIT_METHODS),
  parts: z.array(z.object({ tariffCategory: z.enum(TARIFF_CATEGORIES), value: z.number().min(0) })).max(5),
  checkedOn: IsoDate.nullish(),
});
export const MeterInput = z.object({
  accountId: z.number().int().positive(),
  assetNo: Text(32),
  meterType: z.enum(METER_TYPES),
  touCapable: z.boolean().default(false),
  ctRatio: z
    .number()
    .positive({ message: msg('meter.ratio') })
    .max(100_000)
    .default(1),
  ptRatio: z
    .number()
    .positive({ message: msg('meter.ratio') })
    .max(100_000)
    .default(1),
  installDate: IsoDate.nullish(),
  sealStatus: z.enum(SEAL_STATUSES).default('sealed'),
  lastTestDate: IsoDate.nullish(),
  priceSplit: PriceSplit.nullish(),
});
export type MeterInput = z.infer<typeof MeterInput>;
export const Meter = MeterInput.extend({
  id: z.number(),
  customerId: z.number(),
  multiplier: z.number(),
  version: z.number(),
});
export type Meter = z.infer<typeof Meter>;

// --- Customer transformers (受电变压器) ---------------------------------------------------------------
export const TransformerInput = z.object({
  accountId: z.number().int().positive().nullish(),
  assetNo: Text(32),
  capacityKva: z.number().positive().max(1_000_000),
  state: z.enum(TRANSFORMER_STATES).default('running'),
  sealed: z.boolean().default(false),
  sealedAt: IsoDate.nullish(),
  interlockGroup: OptText(20),
});
export type TransformerInput = z.infer<typeof TransformerInput>;
export const Transformer = TransformerInput.extend({
  id: z.number(),
  customerId: z.number(),
  version: z.number(),
});
export type Transformer = z.infer<typeof Transformer>;

// --- Customers (客户) -------------------------------------------------------------------------------
const CustomerFields = z.object({
  orgUnitId: z.number().int().positive(),
  name: Text(100),
  kind: z.enum(CUSTOMER_KINDS),
  certType: z.enum(CERT_TYPES).nullish(),
  certNo: z.string().trim().max(32).nullish(),
  industryCode: OptText(10),
  industryName: OptText(50),
  customerClass: z.enum(CUSTOMER_CLASSES),
  importanceTier: z.enum(IMPORTANCE_TIERS),
  vip: z.boolean().default(false),
  vipReason: OptText(200),
  relationship: z.enum(RELATIONSHIPS).default('social'),
  note: OptText(1000),
});

function checkCertificate(v: { certType?: string | null; certNo?: string | null }, ctx: z.RefinementCtx) {
  const issue = certificateIssue(v.certType, v.certNo);
  if (issue) ctx.addIssue({ code: 'custom', path: ['certNo'], message: msg(issue) });
}

/** Create a customer with everything it has at once (the form and the import both use this). */
export const CustomerCreate = CustomerFields.extend({
  contacts: z.array(ContactInput).max(20).default([]),
  premises: z.array(PremiseInput).max(20).default([]),
  /** Accounts refer to premises by index in `premises` (premiseIndex) since they have no id yet. */
  accounts: z
    .array(AccountInput.omit({ premiseId: true }).extend({ premiseIndex: z.number().int().min(0).nullish() }))
    .max(50)
    .default([]),
  /** Meters and transformers refer to accounts by index in `accounts`. */
  meters: z
    .array(MeterInput.omit({ accountId: true }).extend({ accountIndex: z.number().int().min(0) }))
    .max(100)
    .default([]),
  transformers: z
    .array(
      TransformerInput.omit({ accountId: true }).extend({ accountIndex: z.number().int().min(0).nullish() }),
    )
    .max(50)
    .default([]),
  /** Saving a likely duplicate needs a reason (archive quality, domain.md §2). */
  duplicateOverrideReason: OptText(500),
}).superRefine(checkCertificate);
export type CustomerCreate = z.infer<typeof CustomerCreate>;

export const CustomerSummary = z.object({
  id: z.number(),
  customerNo: z.string(),
  name: z.string(),
  kind: z.enum(CUSTOMER_KINDS),
  customerClass: z.enum(CUSTOMER_CLASSES),
  importanceTier: z.enum(IMPORTANCE_TIERS),
  vip: z.boolean(),
  orgUnitId: z.number(),
  orgUnitName: z.string().nullish(),
  phone: z.string().nullable(),
  certNo: z.string().nullable(),
  address: z.string().nullable(),
  accountNos: z.array(z.string()).optional(),
  accountManagerId: z.number().nullable(),
  accountManagerName: z.string().nullish(),
  /** Why the row matched a search (e.g. 'account_no', 'phone_last4', 'text'). */
  matchedBy: z.string().optional(),
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;

export const Customer = CustomerFields.extend({
  id: z.number(),
  customerNo: z.string(),
  certNo: z.string().nullable(),
  creditGrade: z.string().nullable(),
  valueScore: z.number().nullable(),
  status: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  accountManagerId: z.number().nullable(),
  duplicateOf: z.number().nullable(),
  duplicateOverrideReason: z.string().nullable(),
  piiMasked: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof Customer>;

export const CustomerListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  orgUnitId: z.coerce.number().int().positive().optional(),
  customerClass: z.enum(CUSTOMER_CLASSES).optional(),
  importanceTier: z.enum(IMPORTANCE_TIERS).optional(),
  vip: z.enum(['true', 'false']).optional(),
  industryCode: z.string().max(10).optional(),
  managerId: z.coerce.number().int().positive().optional(),
  unassignedRequired: z.enum(['true', 'false']).optional(),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;
export const CustomerPage = pageOf(CustomerSummary);

export const DuplicateWarning = z.object({
  id: z.number(),
  customerNo: z.string(),
  name: z.string(),
  reason: z.enum(['same_certificate', 'same_name_phone_address']),
});

// --- Topology (substation → feeder → transformer area → service point) ------------------------------
export const TopologyPosition = z.object({
  substation: z.object({ id: z.number(), code: z.string(), name: z.string() }).nullable(),
  feeder: z.object({ id: z.number(), code: z.string(), name: z.string() }).nullable(),
  transformerArea: z.object({ id: z.number(), code: z.string(), name: z.string() }).nullable(),
});

export const TimelineEvent = z.object({
  id: z.number(),
  at: z.string(),
  kind: z.string(),
  title: z.string(),
  detail: z.unknown().nullable(),
  actorName: z.string().nullable(),
  refEntity: z.string().nullable(),
  refId: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

// --- Customer archive API responses (customers module) -------------------------------------------------
/** A contact as the API shows it: phones may be masked (138****5678), so no phone-format check here. */
export const ContactView = ContactInput.extend({
  id: z.number(),
  customerId: z.number(),
  mobile: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  version: z.number(),
});
export type ContactView = z.infer<typeof ContactView>;

export const DuplicateCheckResult = z.object({ duplicates: z.array(DuplicateWarning) });
export type DuplicateWarning = z.infer<typeof DuplicateWarning>;

/** Deletes may carry the version the client read (optimistic lock); without it the row is deleted as is. */
export const DeleteQuery = z.object({ version: z.coerce.number().int().positive().optional() });

/** 客户经理名片: what the customer sees of their account manager (domain.md §3). */
export const CustomerManagerCard = z.object({
  id: z.number(),
  name: z.string(),
  photoUrl: z.string().nullable(),
  phone24h: z.string().nullable(),
  serviceScope: z.string().nullable(),
  title: z.string().nullable(),
});
export type CustomerManagerCard = z.infer<typeof CustomerManagerCard>;

export const PremiseWithTopology = Premise.extend({ topology: TopologyPosition });
export type PremiseWithTopology = z.infer<typeof PremiseWithTopology>;
export type TopologyPosition = z.infer<typeof TopologyPosition>;

/** The customer 360 page in one response. */
export const Customer360 = z.object({
  customer: Customer,
  contacts: z.array(ContactView),
  premises: z.array(PremiseWithTopology),
  accounts: z.array(Account),
  meters: z.array(Meter),
  transformers: z.array(Transformer),
  manager: CustomerManagerCard.nullable(),
  counts: z.object({
    contacts: z.number(),
    premises: z.number(),
    accounts: z.number(),
    meters: z.number(),
    transformers: z.number(),
    /** Open items on the customer (planned visits for now; work orders add theirs when they land). */
    openItems: z.number(),
  }),
  timeline: z.array(TimelineEvent),
});
export type Customer360 = z.infer<typeof Customer360>;

export const TimelinePage = pageOf(TimelineEvent);

// --- Topology API (substation → feeder → transformer area) ---------------------------------------------
const TopologyCode = z.string().trim().min(1).max(32);
const TopologyName = z.string().trim().min(1).max(100);

export const SubstationCreate = z.object({
  orgUnitId: z.number().int().positive(),
  code: TopologyCode,
  name: TopologyName,
  voltageKv: z.number().int().positive().max(1000).default(110),
});
export const Substation = SubstationCreate.extend({ id: z.number() });
export type Substation = z.infer<typeof Substation>;

export const FeederCreate = z.object({
  substationId: z.number().int().positive(),
  /** Defaults to the substation's org unit. */
  orgUnitId: z.number().int().positive().optional(),
  code: TopologyCode,
  name: TopologyName,
});
export const Feeder = z.object({
  id: z.number(),
  substationId: z.number(),
  orgUnitId: z.number(),
  code: z.string(),
  name: z.string(),
});
export type Feeder = z.infer<typeof Feeder>;

export const TransformerAreaCreate = z.object({
  feederId: z.number().int().positive(),
  /** Defaults to the feeder's org unit. */
  orgUnitId: z.number().int().positive().optional(),
  code: TopologyCode,
  name: TopologyName,
  capacityKva: z.number().positive().max(1_000_000).nullish(),
});
export const TransformerArea = z.object({
  id: z.number(),
  feederId: z.number(),
  orgUnitId: z.number(),
  code: z.string(),
  name: z.string(),
  capacityKva: z.number().nullable(),
});
export type TransformerArea = z.infer<typeof TransformerArea>;

export const TopologyListQuery = PageQuery.extend({ q: z.string().trim().max(100).optional() });
export const FeederListQuery = TopologyListQuery.extend({
  substationId: z.coerce.number().int().positive().optional(),
});
export const TransformerAreaListQuery = TopologyListQuery.extend({
  feederId: z.coerce.number().int().positive().optional(),
});
export const SubstationPage = pageOf(Substation);
export const FeederPage = pageOf(Feeder);
export const TransformerAreaPage = pageOf(TransformerArea);

export const TopologyTreeQuery = z.object({ orgUnitId: z.coerce.number().int().positive().optional() });
export const TopologyTree = z.object({
  substations: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      feeders: z.array(
        z.object({
          id: z.number(),
          code: z.string(),
          name: z.string(),
          /** HV customers connected to the feeder directly (no transformer area). */
          directCustomers: z.number(),
          areas: z.array(
            z.object({ id: z.number(), code: z.string(), name: z.string(), customers: z.number() }),
          ),
        }),
      ),
    }),
  ),
  /** True when the tree was cut at its size limits. */
  truncated: z.boolean(),
});
export type TopologyTree = z.infer<typeof TopologyTree>;

// --- PATCH bodies ---------------------------------------------------------------------------------------
// zod 4 fills a default in even inside `.partial()`, so a plain `.partial()` PATCH {version, note} would
// silently reset vip, status, ratios and so on. The *Patch schemas accept the same fields as the inputs
// but leave out whatever the client did not send.
type Bare<S> = S extends z.ZodOptional<infer I> ? Bare<I> : S extends z.ZodDefault<infer I> ? I : S;
type PatchShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<Extract<Bare<S[K]>, z.ZodType>> };

function patchShape<S extends z.ZodRawShape>(shape: S): PatchShape<S> {
  const out: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(shape)) {
    let s: z.ZodType = field as z.ZodType;
    if (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
    if (s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
    out[key] = s.optional();
  }
  return out as PatchShape<S>;
}

export const CustomerPatch = z
  .object(patchShape(CustomerFields.shape))
  .extend({ version: VersionField, duplicateOverrideReason: OptText(500) })
  .superRefine(checkCertificate);
export type CustomerPatch = z.infer<typeof CustomerPatch>;
export const ContactPatch = z.object(patchShape(ContactInput.shape)).extend({ version: VersionField });
export const PremisePatch = z.object(patchShape(PremiseInput.shape)).extend({ version: VersionField });
export const AccountPatch = z
  .object(patchShape(AccountInput.omit({ accountNo: true }).shape))
  .extend({ version: VersionField });
export const MeterPatch = z
  .object(patchShape(MeterInput.omit({ accountId: true }).shape))
  .extend({ version: VersionField });
export const TransformerPatch = z
  .object(patchShape(TransformerInput.shape))
  .extend({ version: VersionField });
