// Chinese labels of every enum column in the import template. Business users type the label they
// know (居民, 重要客户, 运行); the file may also carry the English code. One map per column, so the
// same word can mean different codes in different columns (居民 is a class, a tier and a tariff).
import type {
  AREA_CLASSES,
  BASIC_FEE_METHODS,
  CERT_TYPES,
  CONTACT_ROLES,
  CUSTOMER_CLASSES,
  CUSTOMER_KINDS,
  IMPORTANCE_TIERS,
  METER_TYPES,
  PF_STANDARDS,
  RELATIONSHIPS,
  SUPPLY_MODES,
  TARIFF_CATEGORIES,
  TRANSFORMER_STATES,
  VOLTAGE_LEVELS,
} from '@gridcare/domain';

/** code → labels; the first label is the one shown in templates and dropdowns. */
type LabelMap<C extends string> = Record<C, readonly string[]>;

export const ENUM_LABELS = {
  kind: { person: ['个人', '自然人'], organisation: ['单位', '企业', '组织'] } satisfies LabelMap<
    (typeof CUSTOMER_KINDS)[number]
  >,
  cert_type: {
    resident_id: ['居民身份证', '身份证'],
    uscc: ['统一社会信用代码', '信用代码'],
    passport: ['护照'],
    other: ['其他'],
  } satisfies LabelMap<(typeof CERT_TYPES)[number]>,
  customer_class: {
    residential: ['居民'],
    lv_non_residential: ['低压非居民'],
    hv: ['高压'],
    large_industry: ['大工业'],
  } satisfies LabelMap<(typeof CUSTOMER_CLASSES)[number]>,
  importance_tier: {
    important: ['重要客户', '重要'],
    key: ['重点客户', '重点'],
    grassroots: ['基层客户', '基层'],
    residential: ['居民客户', '居民'],
  } satisfies LabelMap<(typeof IMPORTANCE_TIERS)[number]>,
  relationship: { system: ['系统客户', '系统'], social: ['社会客户', '社会'] } satisfies LabelMap<
    (typeof RELATIONSHIPS)[number]
  >,
  contact_role: {
    legal_representative: ['法定代表人', '法人'],
    electrical: ['电气联系人', '电气'],
    finance: ['财务联系人', '财务'],
    other: ['其他'],
  } satisfies LabelMap<(typeof CONTACT_ROLES)[number]>,
  area_class: { urban: ['城市'], rural: ['农村'], remote: ['边远'] } satisfies LabelMap<
    (typeof AREA_CLASSES)[number]
  >,
  voltage_level: {
    '220V': ['220V', '0.22kV'],
    '380V': ['380V', '0.4kV'],
    '10kV': ['10kV'],
    '20kV': ['20kV'],
    '35kV': ['35kV'],
    '110kV': ['110kV'],
    '220kV': ['220kV'],
  } satisfies LabelMap<(typeof VOLTAGE_LEVELS)[number]>,
  supply_mode: { single: ['单电源'], dual: ['双电源'] } satisfies LabelMap<(typeof SUPPLY_MODES)[number]>,
  tariff_category: {
    residential: ['居民生活用电', '居民生活', '居民'],
    commercial: ['商业用电', '商业', '一般工商业'],
    large_industry: ['大工业用电', '大工业'],
    general_industry: ['普通工业用电', '普通工业'],
    agriculture: ['农业生产用电', '农业生产', '农业'],
  } satisfies LabelMap<(typeof TARIFF_CATEGORIES)[number]>,
  basic_fee_method: {
    none: ['不计收', '无'],
    capacity: ['按容量'],
    contract_demand: ['按合同最大需量', '合同需量'],
    actual_demand: ['按实际最大需量', '实际需量'],
  } satisfies LabelMap<(typeof BASIC_FEE_METHODS)[number]>,
  pf_standard: {
    none: ['不考核', '无'],
    '0.90': ['0.90', '0.9'],
    '0.85': ['0.85'],
    '0.80': ['0.80', '0.8'],
  } satisfies LabelMap<(typeof PF_STANDARDS)[number]>,
  meter_type: {
    single_phase: ['单相表', '单相'],
    three_phase: ['三相表', '三相'],
    smart_single_phase: ['单相智能表'],
    smart_three_phase: ['三相智能表'],
  } satisfies LabelMap<(typeof METER_TYPES)[number]>,
  transformer_state: {
    running: ['运行'],
    hot_standby: ['热备用'],
    cold_standby: ['冷备用'],
  } satisfies LabelMap<(typeof TRANSFORMER_STATES)[number]>,
} as const;

export type EnumColumn = keyof typeof ENUM_LABELS;

const BOOLEAN_WORDS: Record<string, boolean> = {
  是: true,
  否: false,
  true: true,
  false: false,
  y: true,
  n: false,
  yes: true,
  no: false,
  '1': true,
  '0': false,
};

const lookups = new Map<EnumColumn, Map<string, string>>();
for (const [column, map] of Object.entries(ENUM_LABELS) as [
  EnumColumn,
  Record<string, readonly string[]>,
][]) {
  const lookup = new Map<string, string>();
  for (const [code, labels] of Object.entries(map)) {
    lookup.set(code.toLowerCase(), code);
    for (const label of labels) lookup.set(label.toLowerCase(), code);
  }
  lookups.set(column, lookup);
}

/** The code for a label or code typed in the file; unknown values come back unchanged for the schema to reject. */
export function enumCode(column: EnumColumn, value: string): string {
  return lookups.get(column)?.get(value.toLowerCase()) ?? value;
}

/** enumCode of one column, with the column's lookup resolved once (the row parser's hot path). */
export function enumCoder(column: EnumColumn): (value: string) => string {
  const lookup = lookups.get(column) ?? new Map<string, string>();
  return (value) => lookup.get(value.toLowerCase()) ?? value;
}

/** 是/否, true/false, Y/N, 1/0; anything else comes back unchanged for the schema to reject. */
export function booleanValue(value: string): boolean | string {
  return BOOLEAN_WORDS[value.toLowerCase()] ?? value;
}

/** "居民(residential)、低压非居民(lv_non_residential)…" for the instructions sheet and error messages. */
export function allowedValues(column: EnumColumn): string {
  return Object.entries(ENUM_LABELS[column] as Record<string, readonly string[]>)
    .map(([code, labels]) => (labels[0] === code ? code : `${labels[0]}(${code})`))
    .join('、');
}

/** The labels offered in the template's dropdowns. */
export function dropdownLabels(column: EnumColumn): string[] {
  return Object.values(ENUM_LABELS[column] as Record<string, readonly string[]>).map((labels) => labels[0]);
}
