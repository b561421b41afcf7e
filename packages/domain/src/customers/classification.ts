// Customer classes, importance tiers and relationships of domain.md §2 [S003/1, S003/2, S003/5].
export const CUSTOMER_KINDS = ['person', 'organisation'] as const;
export const CERT_TYPES = ['resident_id', 'uscc', 'passport', 'other'] as const;
export const CUSTOMER_CLASSES = ['residential', 'lv_non_residential', 'hv', 'large_industry'] as const;
export type CustomerClass = (typeof CUSTOMER_CLASSES)[number];
export const IMPORTANCE_TIERS = ['important', 'key', 'grassroots', 'residential'] as const;
export type ImportanceTier = (typeof IMPORTANCE_TIERS)[number];
export const RELATIONSHIPS = ['system', 'social'] as const;
export const CUSTOMER_STATUSES = ['active', 'inactive'] as const;
export const CONTACT_ROLES = ['legal_representative', 'electrical', 'finance', 'other'] as const;
export const CHANNELS = ['sms', 'email', 'portal', 'wechat', 'phone'] as const;
export const ACCOUNT_STATUSES = [
  'applying',
  'active',
  'suspended',
  'reduced',
  'temporarily_removed',
  'closed',
] as const;
export const VOLTAGE_LEVELS = ['220V', '380V', '10kV', '20kV', '35kV', '110kV', '220kV'] as const;
export type VoltageLevel = (typeof VOLTAGE_LEVELS)[number];
export const SUPPLY_MODES = ['single', 'dual'] as const;
export const TARIFF_CATEGORIES = [
  'residential',
  'commercial',
  'large_industry',
  'general_industry',
  'agriculture',
] as const;
export const BASIC_FEE_METHODS = ['none', 'capacity', 'contract_demand', 'actual_demand'] as const;
export const PF_STANDARDS = ['none', '0.90', '0.85', '0.80'] as const;
export const METER_TYPES = [
  'single_phase',
  'three_phase',
  'smart_single_phase',
  'smart_three_phase',
] as const;
export const SEAL_STATUSES = ['sealed', 'unsealed', 'broken'] as const;
export const TRANSFORMER_STATES = ['running', 'hot_standby', 'cold_standby'] as const;
export const PRICE_SPLIT_METHODS = ['none', 'fixed_ratio', 'fixed_quantity'] as const;

/** Large industry is HV with transformer capacity of at least 315 kVA [S003/5]. */
export const LARGE_INDUSTRY_MIN_KVA = 315;

const HV_LEVELS: readonly VoltageLevel[] = ['10kV', '20kV', '35kV', '110kV', '220kV'];

export function isHighVoltage(level: VoltageLevel): boolean {
  return HV_LEVELS.includes(level);
}

/** The class an account's supply implies; residential customers stay residential on LV. */
export function impliedCustomerClass(input: {
  residential: boolean;
  voltage: VoltageLevel;
  transformerKva: number;
}): CustomerClass {
  if (isHighVoltage(input.voltage)) {
    return input.transformerKva >= LARGE_INDUSTRY_MIN_KVA ? 'large_industry' : 'hv';
  }
  return input.residential ? 'residential' : 'lv_non_residential';
}

/** Multiplier (综合倍率) = CT ratio × PT ratio. */
export function meterMultiplier(ctRatio: number, ptRatio: number): number {
  return ctRatio * ptRatio;
}

/**
 * Every important, key and VIP customer, and every HV customer, must have an account manager
 * (domain.md §3, [S004]).
 */
export function requiresAccountManager(c: {
  importanceTier: ImportanceTier;
  vip: boolean;
  customerClass: CustomerClass;
}): boolean {
  return (
    c.importanceTier === 'important' ||
    c.importanceTier === 'key' ||
    c.vip ||
    c.customerClass === 'hv' ||
    c.customerClass === 'large_industry'
  );
}
