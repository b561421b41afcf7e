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
import { allowedValues, booleanValue, enumCoder, type EnumColumn } from './import-labels';
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
// so each row costs a single safeParse. z.compile gives the same schema a generated fast path for rows
// that pass; a row with any issue is parsed again by the regular parser, so issues and messages are
// exactly the regular ones.
const rowSchema = (customer: z.ZodType) =>
  z.compile(
    z.object({
      customer,
      contact: ENTITY_SCHEMAS.contact!.optional(),
      premise: ENTITY_SCHEMAS.premise!,
      account: ENTITY_SCHEMAS.account!,
      meter: ENTITY_SCHEMAS.meter!.optional(),
      transformer: ENTITY_SCHEMAS.transformer!.optional(),
    }),
  );
const FIRST_ROW = rowSchema(customerFirstRow);
const LATER_ROW = rowSchema(customerLaterRow);

function converter(c: ImportColumn): (raw: string) => unknown {
  switch (c.type) {
    case 'number':
      return (raw) => {
        if (raw === '') return undefined;
        const n = Number(raw.includes(',') ? raw.replace(/,/g, '') : raw);
        return Number.isFinite(n) ? n : raw;
      };
    case 'boolean':
      return (raw) => (raw === '' ? undefined : booleanValue(raw));
    case 'enum': {
      const code = enumCoder(c.key as EnumColumn);
      return (raw) => (raw === '' ? undefined : code(raw));
    }
    default:
      return (raw) => (raw === '' ? undefined : raw);
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

// Everything a row needs is resolved once here, so parsing a row allocates little beyond the objects
// the schema reads and the staged values (a million rows make the garbage collector the hot spot).
const COLUMN_INDEX = new Map(IMPORT_COLUMNS.map((c, i) => [c.key, i]));
const col = (key: string) => COLUMN_INDEX.get(key)!;
const stage = (column: string) => STAGE_INDEX.get(column) ?? -1;

interface FieldPlan {
  /** Position in IMPORT_COLUMNS of the column feeding the field, -1 for a field without one. */
  column: number;
  /** Staged column of the field's value, -1 when it is not staged. */
  stage: number;
}
interface PartPlan {
  part: Part;
  /** Positions in IMPORT_COLUMNS of the marker columns of an optional part. */
  markers: number[] | null;
  inputs: { field: string; column: number; convert: (raw: string) => unknown }[];
  fields: Map<string, FieldPlan>;
}
const PART_PLANS: PartPlan[] = PARTS.map((part) => ({
  part,
  markers: OPTIONAL_PARTS[part]?.map(col) ?? null,
  inputs: COLUMNS_OF_PART.get(part)!.map((c) => ({
    field: c.field,
    column: col(c.key),
    convert: converter(c),
  })),
  fields: new Map(
    [...COLUMN_OF_FIELD.get(part)!].map(([field, c]) => [field, { column: col(c.key), stage: stage(c.key) }]),
  ),
}));
/** Output fields of a part without a column of their own (schema defaults such as account status). */
function fieldPlan(plan: PartPlan, field: string): FieldPlan {
  let f = plan.fields.get(field);
  if (!f) plan.fields.set(field, (f = { column: -1, stage: stage(STAGE_OF_FIELD[field] ?? field) }));
  return f;
}

const REF = col('customer_ref');
const ORG_UNIT_CODE = col('org_unit_code');
const CERT_NO = col('cert_no');
const TOPOLOGY = [col('transformer_area_code'), col('feeder_code')];
const S_ROW_NO = stage('row_no');
const S_HAS_ERROR = stage('has_error');
const S_CUSTOMER_REF = stage('customer_ref');
const S_ORG_UNIT_CODE = stage('org_unit_code');
const S_ORG_UNIT_ID = stage('org_unit_id');
const S_CERT_NO = stage('cert_no');
const S_CT = stage('ct_ratio');
const S_PT = stage('pt_ratio');
const S_MULTIPLIER = stage('multiplier');
const S_TOPOLOGY = [stage('transformer_area_code'), stage('feeder_code')];

/**
 * A copy of a string that does not keep the text it was cut from alive: V8 represents a slice of 13 or
 * more characters as a view on its parent, and a kept customer_ref would otherwise pin a whole chunk
 * of the file.
 */
function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Validates rows one at a time; remembers each customer_ref seen to tell group heads from followers. */
export class ImportRowParser {
  private readonly seenRefs = new Set<string>();
  private header: ReadonlyMap<string, number> | null = null;
  private positions: Int32Array = new Int32Array(0);

  constructor(private readonly orgUnits: ReadonlyMap<string, number>) {}

  /**
   * `cells` is one row of the sheet, trimmed; `header` maps column keys to cell positions (from
   * headerIndex). Absent columns and missing cells read as ''.
   */
  parse(
    rowNo: number,
    cells: readonly (string | undefined)[],
    header: ReadonlyMap<string, number>,
  ): { values: StageValue[]; errors: RowError[] } {
    if (header !== this.header) {
      this.header = header;
      this.positions = Int32Array.from(IMPORT_COLUMNS, (c) => header.get(c.key) ?? -1);
    }
    const pos = this.positions;
    const raw: string[] = new Array(pos.length);
    for (let i = 0; i < pos.length; i++) raw[i] = pos[i] < 0 ? '' : (cells[pos[i]] ?? '');

    const values: StageValue[] = new Array(STAGE_COLUMNS.length).fill(null);
    const errors: RowError[] = [];
    values[S_ROW_NO] = rowNo;

    const ref = raw[REF];
    if (!ref) fail(errors, rowNo, raw, REF, IMPORT_TEXT.required);
    else if (ref.length > 64) fail(errors, rowNo, raw, REF, IMPORT_TEXT.tooLong(64));
    else values[S_CUSTOMER_REF] = ref;
    const isFirst = ref !== '' && !this.seenRefs.has(ref);
    if (isFirst) this.seenRefs.add(detached(ref));

    const orgCode = raw[ORG_UNIT_CODE];
    if (orgCode) {
      values[S_ORG_UNIT_CODE] = orgCode;
      const orgUnitId = this.orgUnits.get(orgCode);
      if (orgUnitId === undefined) fail(errors, rowNo, raw, ORG_UNIT_CODE, IMPORT_TEXT.orgUnit);
      else values[S_ORG_UNIT_ID] = orgUnitId;
    } else if (isFirst || !ref) fail(errors, rowNo, raw, ORG_UNIT_CODE, IMPORT_TEXT.required);

    parseParts(isFirst || !ref, rowNo, raw, values, errors);
    for (let t = 0; t < TOPOLOGY.length; t++) {
      const v = raw[TOPOLOGY[t]];
      if (v.length > 50) fail(errors, rowNo, raw, TOPOLOGY[t], IMPORT_TEXT.tooLong(50));
      else if (v) values[S_TOPOLOGY[t]] = v;
    }
    const ct = values[S_CT];
    const pt = values[S_PT];
    if (typeof ct === 'number' && typeof pt === 'number') values[S_MULTIPLIER] = meterMultiplier(ct, pt);
    values[S_HAS_ERROR] = errors.length > 0;
    return { values, errors };
  }
}

function fail(errors: RowError[], rowNo: number, raw: string[], column: number, message: string): void {
  errors.push({ rowNo, field: IMPORT_COLUMNS[column].key, message, value: raw[column] || null });
}

function parseParts(
  full: boolean,
  rowNo: number,
  raw: string[],
  staged: StageValue[],
  errors: RowError[],
): void {
  const input: Record<string, Record<string, unknown> | undefined> = {};
  for (const plan of PART_PLANS) {
    if (plan.markers && !plan.markers.some((i) => raw[i] !== '')) continue;
    const values: Record<string, unknown> = {};
    for (const f of plan.inputs) values[f.field] = f.convert(raw[f.column]);
    input[plan.part] = values;
  }
  const result = (full ? FIRST_ROW : LATER_ROW).safeParse(input, { error: zhErrors });
  let bad: Set<string> | null = null;
  if (!result.success) {
    bad = new Set<string>();
    for (const issue of result.error.issues) {
      const part = issue.path[0] as Part;
      const field = String(issue.path[1] ?? '');
      const c = COLUMN_OF_FIELD.get(part)?.get(field);
      if (!c || bad.has(c.key)) continue;
      bad.add(c.key);
      fail(errors, rowNo, raw, col(c.key), issueMessage(c, issue, input[part]?.[field]));
    }
  }
  const output = (result.success ? result.data : input) as Record<
    string,
    Record<string, StageValue> | undefined
  >;
  for (const plan of PART_PLANS) {
    const values = output[plan.part];
    if (!values) continue;
    const given = input[plan.part]!;
    const laterCustomer = plan.part === 'customer' && !full;
    for (const field in values) {
      // Later rows only stage the customer fields they actually carry (defaults would contradict the first row).
      if (laterCustomer && given[field] === undefined) continue;
      const f = fieldPlan(plan, field);
      if (bad && f.column >= 0 && bad.has(IMPORT_COLUMNS[f.column].key)) continue;
      if (f.stage >= 0) {
        const v = values[field];
        staged[f.stage] = v === undefined ? null : v;
      }
    }
  }
  const customer = output.customer ?? {};
  const issue = certificateIssue(customer.certType as string | null, customer.certNo as string | null);
  if (
    issue &&
    !bad?.has('cert_type') &&
    !bad?.has('cert_no') &&
    (full || input.customer?.certNo !== undefined)
  ) {
    fail(errors, rowNo, raw, CERT_NO, translate(`msg:${issue}`, 'zh-CN'));
    staged[S_CERT_NO] = null;
  }
}
