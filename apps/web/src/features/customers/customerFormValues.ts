// The customer form's values and their conversion to the API's CustomerCreate / CustomerPatch.
import type { Dayjs } from 'dayjs';
import type { Customer, CustomerCreate } from '@gridcare/contracts';

type Blankable<T> = { [K in keyof T]?: T[K] | null | '' };

export type ContactValues = Blankable<CustomerCreate['contacts'][number]>;
export type PremiseValues = Blankable<CustomerCreate['premises'][number]>;
export type AccountValues = Blankable<CustomerCreate['accounts'][number]>;
export type MeterValues = Blankable<
  Omit<CustomerCreate['meters'][number], 'installDate' | 'lastTestDate'>
> & {
  installDate?: Dayjs | null;
  lastTestDate?: Dayjs | null;
};
export type TransformerValues = Blankable<Omit<CustomerCreate['transformers'][number], 'sealedAt'>> & {
  sealedAt?: Dayjs | null;
};

export const BASIC_FIELDS = [
  'orgUnitId',
  'name',
  'kind',
  'certType',
  'certNo',
  'customerClass',
  'importanceTier',
  'vip',
  'vipReason',
  'relationship',
  'industryCode',
  'industryName',
  'note',
] as const;
export type BasicField = (typeof BASIC_FIELDS)[number];

export type CustomerFormValues = { [K in BasicField]?: CustomerCreate[K] | null | '' } & {
  contacts?: ContactValues[];
  premises?: PremiseValues[];
  accounts?: AccountValues[];
  meters?: MeterValues[];
  transformers?: TransformerValues[];
};

/** What a new contact, premise, … starts with — in the create form and in the 360 page's dialogs. */
export const PART_DEFAULTS = {
  contact: { role: 'other', preferredChannel: 'sms', isPrimary: false },
  premise: { areaClass: 'urban' },
  account: {
    status: 'active',
    supplyMode: 'single',
    contractCapacityKva: 0,
    basicFeeMethod: 'none',
    pfStandard: 'none',
  },
  meter: { touCapable: false, ctRatio: 1, ptRatio: 1, sealStatus: 'sealed' },
  transformer: { state: 'running', sealed: false },
} as const satisfies Record<string, Record<string, unknown>>;

export const EMPTY_CUSTOMER: CustomerFormValues = {
  kind: 'organisation',
  certType: 'uscc',
  relationship: 'social',
  vip: false,
  contacts: [{ role: 'legal_representative', preferredChannel: 'sms', isPrimary: true }],
  premises: [],
  accounts: [],
  meters: [],
  transformers: [],
};

/** '' and whitespace become undefined, strings are trimmed; dates become YYYY-MM-DD. */
export function clean(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (
    typeof value === 'object' &&
    value !== null &&
    'format' in value &&
    typeof (value as Dayjs).format === 'function'
  ) {
    return (value as Dayjs).format('YYYY-MM-DD');
  }
  if (Array.isArray(value)) return value.map(clean);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const c = clean(v);
      if (c !== undefined) out[k] = c;
    }
    return out;
  }
  return value;
}

export function toCreatePayload(values: CustomerFormValues): Record<string, unknown> {
  const out = clean(values) as Record<string, unknown>;
  for (const list of ['contacts', 'premises', 'accounts', 'meters', 'transformers']) out[list] ??= [];
  return out;
}

export function basicValuesOf(c: Customer): CustomerFormValues {
  const out: CustomerFormValues = {};
  for (const k of BASIC_FIELDS) (out as Record<string, unknown>)[k] = c[k] ?? undefined;
  return out;
}

/** Only the basic fields the user changed, so masked values (certNo shown as 3601****) are never sent back. */
export function changedBasicFields(original: Customer, values: CustomerFormValues): Record<string, unknown> {
  const now = clean(values) as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const k of BASIC_FIELDS) {
    const before = clean(original[k] ?? undefined);
    const after = now[k];
    if (JSON.stringify(before) !== JSON.stringify(after)) changes[k] = after === undefined ? null : after;
  }
  // A changed certificate type must travel with its number so the server can check them together.
  if ('certType' in changes && !('certNo' in changes) && now.certNo !== undefined)
    changes.certNo = now.certNo;
  return changes;
}
