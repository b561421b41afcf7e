// Tariff engine contract (电价电费计算, domain.md §9 and the billing effects of §7).
//
// `priceBill(input: BillInput, tariff: TariffVersion): PricedBill` prices one account-period. Everything
// here is plain JSON so a tariff version can be stored as jsonb (validated by the zod schema in
// packages/contracts/src/billing.ts) and a priced bill's lines can be stored as the bills.lines document.
//
// Number conventions (never binary floats for money):
// - prices are decimal strings in yuan with up to 6 decimals ('0.5469', '25.5');
// - quantities (kWh, kvarh, kW, kVA) are numbers or decimal strings with up to 2 decimals (numeric
//   columns arrive from pg as strings; both are accepted and read exactly);
// - amounts are integer fen; each bill line is rounded to the fen half-up (half away from zero);
//   the bill total is the sum of its lines.
import type { VoltageLevel } from '../customers/classification';

/** A decimal number written as a string: '0.5469', '-0.0075', '1234.50'. */
export type DecimalString = string;
/** A quantity with at most 2 decimals: a number (12.5) or a decimal string ('12.50'). */
export type Quantity = number | string;
/** 'YYYY-MM-DD' */
export type IsoDate = string;

export type TariffCategory =
  'residential' | 'commercial' | 'large_industry' | 'general_industry' | 'agriculture';
export const TARIFF_CATEGORY_LIST: readonly TariffCategory[] = [
  'residential',
  'commercial',
  'large_industry',
  'general_industry',
  'agriculture',
];

/** 分时时段: 尖峰 / 高峰 / 平段 / 低谷. */
export type TouPeriod = 'critical_peak' | 'peak' | 'flat' | 'valley';
export const TOU_PERIODS: readonly TouPeriod[] = ['critical_peak', 'peak', 'flat', 'valley'];

export type BasicFeeMethod = 'none' | 'capacity' | 'contract_demand' | 'actual_demand';
export type PfStandard = 'none' | '0.90' | '0.85' | '0.80';
export type TransformerState = 'running' | 'hot_standby' | 'cold_standby';
export type ResidentialCycle = 'annual' | 'monthly';
export type PriceSplitMethod = 'fixed_ratio' | 'fixed_quantity';

// ---------------------------------------------------------------------------------------------------
// Tariff version (电价版本)
// ---------------------------------------------------------------------------------------------------

/** Energy price of a category by voltage level; `default` applies to levels not listed. */
export type VoltagePrices = { default: DecimalString } & Partial<Record<VoltageLevel, DecimalString>>;

/**
 * Price of one TOU period: an absolute price (yuan/kWh, same for every voltage level) or a ratio of the
 * category's flat energy price for the account's voltage level (峰平谷比价, e.g. peak '1.5', valley '0.5').
 * A ratio-derived price is rounded half-up to 6 decimals before use.
 */
export interface TouPrice {
  kind: 'price' | 'ratio';
  value: DecimalString;
}

export interface CategoryTariff {
  /** Catalogue energy price (目录电度电价) per kWh; the flat price of TOU pricing. */
  energy: VoltagePrices;
  /**
   * TOU prices (分时电价). When present and the bill carries TOU registers, the energy charge is priced
   * per period. `critical_peak` is needed only when critical-peak kWh are billed.
   * Not used for residential (a TOU variant on top of the tiers is out of scope: residential energy is
   * always priced by tiers).
   */
  tou?: {
    critical_peak?: TouPrice | null;
    peak: TouPrice;
    flat: TouPrice;
    valley: TouPrice;
  } | null;
  /** Two-part basic charge prices (基本电价): yuan/kVA/month by capacity, yuan/kW/month by demand. */
  basic?: { perKvaMonth: DecimalString; perKwMonth: DecimalString } | null;
}

/** One interval of a TOU day: [from, to) in 'HH:MM', `to` may be '24:00'. */
export interface TouInterval {
  from: string;
  to: string;
  period: TouPeriod;
}

/** A TOU season (季节): the months it covers (1–12) and how its day divides into periods. */
export interface TouSeason {
  code: string;
  name: string;
  months: number[];
  intervals: TouInterval[];
}

/** Residential tiered pricing (居民阶梯电价), three tiers. */
export interface ResidentialTierSettings {
  /** Monthly upper bounds of tiers 1 and 2 in kWh ([210, 400]); annual = monthly × months of service. */
  monthlyThresholdsKwh: [number, number];
  /** Prices of tiers 1, 2, 3 (yuan/kWh). */
  prices: [DecimalString, DecimalString, DecimalString];
  /** Households of at least `minPersons` people use larger thresholds (310 kWh/month for tier 1). */
  largeHousehold: { minPersons: number; monthlyThresholdsKwh: [number, number] } | null;
  /** Low-income households (低保/五保户): this many kWh per month free (credited at the tier-1 price). */
  lowIncomeFreeKwhPerMonth: number;
}

/** 政府性基金及附加: a per-kWh surcharge, billed as its own line, rate by category (absent = not levied). */
export interface Surcharge {
  code: string;
  name: string;
  rates: Partial<Record<TariffCategory, DecimalString>>;
}

export interface TariffVersion {
  /** Database id of the version (bills.tariff_version_id). */
  id: number;
  code: string;
  name: string;
  effectiveFrom: IsoDate;
  categories: Record<TariffCategory, CategoryTariff>;
  residentialTiers: ResidentialTierSettings;
  surcharges: Surcharge[];
  touSeasons: TouSeason[];
}

// ---------------------------------------------------------------------------------------------------
// Bill input (one account, one period, one settlement)
// ---------------------------------------------------------------------------------------------------

/** Active energy by register, already × multiplier (meter_readings.consumption). */
export interface EnergyRegisters {
  totalKwh: Quantity;
  /**
   * TOU registers. The bill is priced by TOU when the category has TOU prices and at least peak and
   * valley are given. Flat is billed as total − critical peak − peak − valley (平 = 总 − 尖 − 峰 − 谷),
   * so register rounding never loses or invents kWh; `flatKwh` is informative only.
   */
  criticalPeakKwh?: Quantity | null;
  peakKwh?: Quantity | null;
  flatKwh?: Quantity | null;
  valleyKwh?: Quantity | null;
}

/** A customer transformer, HV motor or compensation device (受电设备). */
export interface BillTransformer {
  id: string;
  capacityKva: Quantity;
  /** Capacitors and phase modifiers (电容器, 调相机) never pay a basic charge. Default 'transformer'. */
  kind?: 'transformer' | 'hv_motor' | 'capacitor';
  /** Standby state apart from account changes: cold standby that is sealed pays none. */
  state: TransformerState;
  sealed: boolean;
  /** Interlocked transformers (互为闭锁) pay on the largest capacity of the group that can run at once. */
  interlockGroup?: string | null;
  /** First day in service when it is inside the period (new connection, capacity increase, swap). */
  inServiceFrom?: IsoDate | null;
  /** Last day in service when it is inside the period (termination, removal, swap end). */
  inServiceTo?: IsoDate | null;
}

/**
 * 暂停 suspension or 减容 capacity reduction (domain.md §7): the basic charge on these transformers stops
 * from the sealing date (inclusive) and resumes on the restoration date (inclusive). A suspension shorter
 * than 15 days pays anyway. Demand-billed accounts suspend all capacity (transformerIds ignored).
 */
export interface CapacityChange {
  kind: 'suspension' | 'reduction';
  transformerIds: string[];
  sealedOn: IsoDate;
  restoredOn?: IsoDate | null;
  /** Within 2 years after a connection/capacity increase/expired reduction: the reduced part pays 50%. */
  halfPay?: boolean;
}

/** Residential facts for the tiers. */
export interface ResidentialFacts {
  cycle: ResidentialCycle;
  /** Annual cycle: months the account is in service in this cycle (a partial month counts); 1–12. */
  monthsOfServiceInCycle: number;
  /** Months this bill covers (monthly cycle thresholds and the low-income allowance); default 1. */
  monthsInBill?: number;
  householdSize: number;
  lowIncome: boolean;
  /** Annual cycle: kWh already billed in this cycle before this bill. */
  kwhBilledInCycle: Quantity;
}

/** 定比/定量: part of the kWh priced at another category; `value` is a fraction (0.3) or kWh. */
export interface PriceSplit {
  method: PriceSplitMethod;
  parts: Array<{ tariffCategory: TariffCategory; value: number }>;
}

export interface BillInput {
  /** 'YYYY-MM' */
  period: string;
  /** First and last day the bill covers (inclusive). */
  periodStart: IsoDate;
  periodEnd: IsoDate;
  tariffCategory: TariffCategory;
  voltageLevel: VoltageLevel;
  energy: EnergyRegisters;
  reactiveKvarh?: Quantity | null;
  maxDemandKw?: Quantity | null;
  basicFeeMethod: BasicFeeMethod;
  pfStandard: PfStandard;
  transformers?: BillTransformer[];
  contractDemandKw?: Quantity | null;
  /** Account connected / terminated inside the period: the basic charge is prorated (days × 1/30). */
  connectedOn?: IsoDate | null;
  terminatedOn?: IsoDate | null;
  capacityChanges?: CapacityChange[];
  /**
   * False on a settlement that must not carry the monthly basic charge (twice-monthly large-industry
   * settlement: the bill run charges it once a month). Default true.
   */
  includeBasicCharge?: boolean;
  residential?: ResidentialFacts | null;
  priceSplit?: PriceSplit | null;
}

// ---------------------------------------------------------------------------------------------------
// Priced bill
// ---------------------------------------------------------------------------------------------------

export type BillLineCode =
  | 'energy' // single-price energy charge
  | 'energy_tier_1'
  | 'energy_tier_2'
  | 'energy_tier_3'
  | 'low_income_free' // negative: free kWh credited at the tier-1 price
  | 'energy_critical_peak'
  | 'energy_peak'
  | 'energy_flat'
  | 'energy_valley'
  | 'energy_split' // part of the kWh at another category (定比/定量)
  | 'basic_capacity'
  | 'basic_demand'
  | 'basic_demand_excess' // demand above 105% of contract, double price
  | 'power_factor' // positive = penalty, negative = reward
  | 'surcharge'
  | 'tier_settlement'; // settling the tiers of a partial cycle (change of holder)

export type BillLineUnit = 'kWh' | 'kVA' | 'kW' | 'yuan';

export interface PricedLine {
  code: BillLineCode;
  /** Stable i18n key the web translates: `billing.line.<code>`. */
  labelKey: string;
  /** Price category of the line when it differs from the account's or matters (split, surcharge). */
  tariffCategory?: TariffCategory;
  quantity: DecimalString;
  unit: BillLineUnit;
  /** yuan per unit (for power factor: the percentage as a fraction, '0.015' = +1.5%). */
  price: DecimalString;
  amountFen: number;
  /** Chinese rule text an agent reads, e.g. "功率因数0.85标准：实际0.82，增收1.5%". */
  rule: string;
  /** Facts behind the line (days, fraction, cosφ, surcharge code/name, …). */
  detail?: Record<string, string | number | boolean>;
}

export interface PricedBill {
  tariffVersionId: number;
  tariffCategory: TariffCategory;
  lines: PricedLine[];
  totalFen: number;
  /** Active kWh billed (2 decimals). */
  energyKwh: DecimalString;
  /** cosφ rounded to 2 decimals when a power-factor standard applies and it could be computed. */
  powerFactor?: DecimalString | null;
}

/** Codes of `BillingInputError` (thrown by priceBill for inputs it cannot price; nothing is half done). */
export type BillingErrorCode =
  | 'billing.quantity_invalid' // not a finite number ≥ 0 with at most 2 decimals
  | 'billing.tou_exceeds_total' // critical peak + peak + valley > total
  | 'billing.split_exceeds_total' // price split parts above the kWh
  | 'billing.price_missing' // tariff lacks a price the bill needs
  | 'billing.date_invalid' // a date outside/invalid for the period
  | 'billing.residential_facts_missing';

/** A semantic problem in a tariff version (field path, code, messages in both languages). */
export interface TariffIssue {
  path: (string | number)[];
  code: string;
  message: string;
  messageEn: string;
}
