// Turns one spreadsheet row into the staged values of a customer/contact/premise/account/meter/
// transformer, validated by the very schemas the API and the forms use (one schema source).
import { z } from 'zod';
import { zhCN } from 'zod/locales';
import {
  AccountInput,
  ContactInput,
  CustomerCreate,
  MeterInput,
  PremiseInput,
  TransformerInput,
  certificateIssue,
  translate,
} from '@gridcare/contracts';
import { meterMultiplier } from '@gridcare/domain';
import { IMPORT_COLUMNS, type ColumnEntity, type ImportColumn } from './import-columns';
import { allowedValues, booleanValue, enumCode, type EnumColumn } from './import-labels';
import { IMPORT_TEXT } from './import-messages';

export interface RowError {
  rowNo: number;
  field: string;
  message: string;
  value: string | null;
}

type StageValue = string | number | boolean | null;

/** The staging table's columns in COPY order, with their SQL types. */
export const STAGE_COLUMNS = [
  ['row_no', 'integer'],
  ['has_error', 'boolean'],
  ['customer_ref', 'text'],
  ['org_unit_code', 'text'],
  ['org_unit_id', 'bigint'],
  ['name', 'text'],
  ['kind', 'text'],
  ['cert_type', 'text'],
  ['cert_no', 'text'],
  ['industry_code', 'text'],
  ['industry_name', 'text'],
  ['customer_class', 'text'],
  ['importance_tier', 'text'],
  ['vip', 'boolean'],
  ['relationship', 'text'],
  ['contact_name', 'text'],
  ['contact_role', 'text'],
  ['contact_mobile', 'text'],
  ['contact_email', 'text'],
  ['province', 'text'],
  ['city', 'text'],
  ['district', 'text'],
  ['street', 'text'],
  ['address_detail', 'text'],
  ['area_class', 'text'],
  ['transformer_area_code', 'text'],
  ['feeder_code', 'text'],
  ['account_no', 'text'],
  ['account_status', 'text'],
  ['voltage_level', 'text'],
  ['supply_mode', 'text'],
  ['contract_capacity_kva', 'numeric'],
  ['tariff_category', 'text'],
  ['basic_fee_method', 'text'],
  ['pf_standard', 'text'],
  ['reading_book', 'text'],
  ['reading_day', 'integer'],
  ['meter_asset_no', 'text'],
  ['meter_type', 'text'],
  ['ct_ratio', 'numeric'],
  ['pt_ratio', 'numeric'],
  ['multiplier', 'numeric'],
  ['transformer_asset_no', 'text'],
  ['transformer_capacity_kva', 'numeric'],
  ['transformer_state', 'text'],
] as const;
export type StageColumn = (typeof STAGE_COLUMNS)[number][0];
/** Customer-level columns: taken from a group's first row; later rows may leave them blank but not contradict them. */
export const GROUP_COLUMNS = [
  'org_unit_code',
  'name',
  'kind',
  'cert_type',
  'cert_no',
  'industry_code',
  'industry_name',
  'customer_class',
  'importance_tier',
  'vip',
  'relationship',
] as const;

const STAGE_INDEX = new Map<string, number>(STAGE_COLUMNS.map(([name], i) => [name, i]));
const STAGE_OF_FIELD: Record<string, StageColumn> = { detail: 'address_detail', status: 'account_status' };

const cc = CustomerCreate.shape;
const customerShape = {
  name: cc.name,
  kind: cc.kind,
  certType: cc.certType,
  certNo: cc.certNo,
  industryCode: cc.industryCode,
  industryName: cc.industryName,
  customerClass: cc.customerClass,
  importanceTier: cc.importanceTier,
  vip: cc.vip,
  relationship: cc.relationship,
};
const customerFirstRow = z.object(customerShape);
const customerLaterRow = z.object(
  Object.fromEntries(Object.entries(customerShape).map(([k, s]) => [k, s.optional()])),
);

const ENTITY_SCHEMAS: Partial<Record<ColumnEntity, z.ZodType>> = {
  contact: ContactInput.pick({ name: true, role: true, mobile: true, email: true }),
  premise: PremiseInput.pick({
    province: true,
    city: true,
    district: true,
    street: true,
    detail: true,
    areaClass: true,
  }),
  account: AccountInput.omit({ premiseId: true }),
  meter: MeterInput.pick({ assetNo: true, meterType: true, ctRatio: true, ptRatio: true }),
  transformer: TransformerInput.pick({ assetNo: true, capacityKva: true, state: true }),
};
/** Optional parts of a row: present only when one of their identifying columns is filled. */
const OPTIONAL_PARTS: Partial<Record<string, readonly string[]>> = {
  contact: ['contact_name', 'contact_role', 'contact_mobile', 'contact_email'],
  meter: ['meter_asset_no', 'meter_type'],
  transformer: ['transformer_asset_no', 'transformer_capacity_kva', 'transformer_state'],
};

const zhErrors = zhCN().localeError;
const PARTS = ['customer', 'contact', 'premise', 'account', 'meter', 'transformer'] as const;
type Part = (typeof PARTS)[number];
const COLUMNS_OF_PART = new Map<Part, ImportColumn[]>(
  PARTS.map((e) => [e, IMPORT_COLUMNS.filter((c) => c.entity === e && c.key !== 'org_unit_code')]),
);
const COLUMN_OF_FIELD = new Map<Part, Map<string, ImportColumn>>(
  PARTS.map((e) => [e, new Map(COLUMNS_OF_PART.get(e)!.map((c) => [c.field, c]))]),
);

// One schema per row (two variants: a group's first row carries the customer, later rows may omit it),
// so each row costs a single safeParse.
const rowSchema = (customer: z.ZodType) =>
  z.object({
    customer,
    contact: ENTITY_SCHEMAS.contact!.optional(),
    premise: ENTITY_SCHEMAS.premise!,
    account: ENTITY_SCHEMAS.account!,
    meter: ENTITY_SCHEMAS.meter!.optional(),
    transformer: ENTITY_SCHEMAS.transformer!.optional(),
  });
const FIRST_ROW = rowSchema(customerFirstRow);
const LATER_ROW = rowSchema(customerLaterRow);

function toInput(c: ImportColumn, raw: string): unknown {
  if (raw === '') return undefined;
  switch (c.type) {
    case 'number': {
      const n = Number(raw.replace(/,/g, ''));
      return Number.isFinite(n) ? n : raw;
    }
    case 'boolean':
      return booleanValue(raw);
    case 'enum':
      return enumCode(c.key as EnumColumn, raw);
    default:
      return raw;
  }
}

function issueMessage(c: ImportColumn, issue: z.core.$ZodIssue, input: unknown): string {
  if (input === undefined) return IMPORT_TEXT.required;
  if (issue.message.startsWith('msg:')) return translate(issue.message, 'zh-CN');
  if (issue.code === 'invalid_value' && c.type === 'enum')
    return IMPORT_TEXT.enumValue(allowedValues(c.key as EnumColumn));
  if (issue.code === 'invalid_type' && c.type === 'number') return IMPORT_TEXT.number;
  if (issue.code === 'invalid_type' && c.type === 'boolean') return IMPORT_TEXT.boolean;
  if (issue.code === 'invalid_format' && c.formatHint) return c.formatHint;
  return issue.message;
}

/** Validates rows one at a time; remembers each customer_ref's first row to tell group heads from followers. */
export class ImportRowParser {
  private readonly firstRowOf = new Map<string, number>();

  constructor(private readonly orgUnits: ReadonlyMap<string, number>) {}

  /** `cell(key)` gives the trimmed text of a column ('' when blank or absent). */
  parse(rowNo: number, cell: (key: string) => string): { values: StageValue[]; errors: RowError[] } {
    const values: StageValue[] = new Array(STAGE_COLUMNS.length).fill(null);
    const errors: RowError[] = [];
    const set = (column: string, v: StageValue) => {
      const i = STAGE_INDEX.get(column);
      if (i !== undefined) values[i] = v === undefined ? null : v;
    };
    const fail = (field: string, message: string) =>
      errors.push({ rowNo, field, message, value: cell(field) || null });
    set('row_no', rowNo);

    const ref = cell('customer_ref');
    if (!ref) fail('customer_ref', IMPORT_TEXT.required);
    else if (ref.length > 64) fail('customer_ref', IMPORT_TEXT.tooLong(64));
    else set('customer_ref', ref);
    const isFirst = ref !== '' && !this.firstRowOf.has(ref);
    if (isFirst) this.firstRowOf.set(ref, rowNo);

    const orgCode = cell('org_unit_code');
    if (orgCode) {
      set('org_unit_code', orgCode);
      const orgUnitId = this.orgUnits.get(orgCode);
      if (orgUnitId === undefined) fail('org_unit_code', IMPORT_TEXT.orgUnit);
      else set('org_unit_id', orgUnitId);
    } else if (isFirst || !ref) fail('org_unit_code', IMPORT_TEXT.required);

    this.parseParts(isFirst || !ref, cell, set, fail);
    for (const key of ['transformer_area_code', 'feeder_code']) {
      const v = cell(key);
      if (v.length > 50) fail(key, IMPORT_TEXT.tooLong(50));
      else if (v) set(key, v);
    }
    const ct = values[STAGE_INDEX.get('ct_ratio')!];
    const pt = values[STAGE_INDEX.get('pt_ratio')!];
    if (typeof ct === 'number' && typeof pt === 'number') set('multiplier', meterMultiplier(ct, pt));
    set('has_error', errors.length > 0);
    return { values, errors };
  }

  private parseParts(
    full: boolean,
    cell: (key: string) => string,
    set: (column: string, v: StageValue) => void,
    fail: (field: string, message: string) => void,
  ) {
    const input: Record<string, Record<string, unknown> | undefined> = {};
    for (const part of PARTS) {
      const marker = OPTIONAL_PARTS[part];
      if (marker && !marker.some((k) => cell(k) !== '')) continue;
      const values: Record<string, unknown> = {};
      for (const c of COLUMNS_OF_PART.get(part)!) values[c.field] = toInput(c, cell(c.key));
      input[part] = values;
    }
    const result = (full ? FIRST_ROW : LATER_ROW).safeParse(input, { error: zhErrors });
    const bad = new Set<string>();
    if (!result.success) {
      for (const issue of result.error.issues) {
        const part = issue.path[0] as Part;
        const field = String(issue.path[1] ?? '');
        const c = COLUMN_OF_FIELD.get(part)?.get(field);
        if (!c || bad.has(c.key)) continue;
        bad.add(c.key);
        fail(c.key, issueMessage(c, issue, input[part]?.[field]));
      }
    }
    const output = (result.success ? result.data : input) as Record<
      string,
      Record<string, StageValue> | undefined
    >;
    for (const part of PARTS) {
      const values = output[part];
      if (!values) continue;
      const given = input[part]!;
      const fields = COLUMN_OF_FIELD.get(part)!;
      for (const field in values) {
        const c = fields.get(field);
        // Later rows only stage the customer fields they actually carry (defaults would contradict the first row).
        if (part === 'customer' && !full && given[field] === undefined) continue;
        if (c && bad.has(c.key)) continue;
        set(c ? c.key : (STAGE_OF_FIELD[field] ?? field), values[field]);
      }
    }
    const customer = output.customer ?? {};
    const issue = certificateIssue(customer.certType as string | null, customer.certNo as string | null);
    if (issue && !bad.has('cert_type') && !bad.has('cert_no') && (full || given(input, 'certNo'))) {
      fail('cert_no', translate(`msg:${issue}`, 'zh-CN'));
      set('cert_no', null);
    }
  }
}

function given(input: Record<string, Record<string, unknown> | undefined>, field: string): boolean {
  return input.customer?.[field] !== undefined;
}
