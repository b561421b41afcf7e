// Contacts, premises, accounts, meters and customer transformers: the parts of a customer archive.
// All five share one shape (customer_id, org_unit_id, version), so one set of statements serves them,
// each driven by an explicit column list.
import type { Account, ContactView, Meter, Premise, Transformer } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';
import { buildSet } from './sql-set';

type Row = Record<string, unknown>;

export interface PartSpec<T> {
  table: 'contacts' | 'premises' | 'accounts' | 'meters' | 'transformers';
  /** Audit entity and timeline prefix. */
  entity: 'contact' | 'premise' | 'account' | 'meter' | 'transformer';
  /** Writable fields: API name → column. */
  writable: Readonly<Record<string, string>>;
  jsonColumns?: readonly string[];
  columns: string;
  map(row: Row): T;
}

const num = (v: unknown): number | null => (v == null ? null : Number(v));
const str = (v: unknown): string | null => (v == null ? null : String(v));

export const CONTACTS: PartSpec<ContactView> = {
  table: 'contacts',
  entity: 'contact',
  writable: {
    name: 'name',
    role: 'role',
    mobile: 'mobile',
    phone: 'phone',
    email: 'email',
    wechat: 'wechat',
    preferredChannel: 'preferred_channel',
    quietStart: 'quiet_start',
    quietEnd: 'quiet_end',
    consents: 'consents',
    isPrimary: 'is_primary',
  },
  jsonColumns: ['consents'],
  columns: `id, customer_id, name, role, mobile, phone, email, wechat, preferred_channel, quiet_start, quiet_end,
    consents, is_primary, version`,
  map: (r) => ({
    id: r.id as number,
    customerId: r.customer_id as number,
    name: r.name as string,
    role: r.role as ContactView['role'],
    mobile: str(r.mobile),
    phone: str(r.phone),
    email: str(r.email),
    wechat: str(r.wechat),
    preferredChannel: r.preferred_channel as ContactView['preferredChannel'],
    quietStart: str(r.quiet_start),
    quietEnd: str(r.quiet_end),
    consents: (r.consents ?? {}) as Record<string, boolean>,
    isPrimary: r.is_primary as boolean,
    version: r.version as number,
  }),
};

export const PREMISES: PartSpec<Premise> = {
  table: 'premises',
  entity: 'premise',
  writable: {
    province: 'province',
    city: 'city',
    district: 'district',
    street: 'street',
    detail: 'detail',
    fullAddress: 'full_address',
    latitude: 'latitude',
    longitude: 'longitude',
    areaClass: 'area_class',
    transformerAreaId: 'transformer_area_id',
    feederId: 'feeder_id',
  },
  columns: `id, customer_id, province, city, district, street, detail, full_address, latitude, longitude, area_class,
    transformer_area_id, feeder_id, version`,
  map: (r) => ({
    id: r.id as number,
    customerId: r.customer_id as number,
    province: r.province as string,
    city: r.city as string,
    district: r.district as string,
    street: str(r.street),
    detail: r.detail as string,
    fullAddress: r.full_address as string,
    latitude: num(r.latitude),
    longitude: num(r.longitude),
    areaClass: r.area_class as Premise['areaClass'],
    transformerAreaId: num(r.transformer_area_id),
    feederId: num(r.feeder_id),
    version: r.version as number,
  }),
};

export const ACCOUNTS: PartSpec<Account> = {
  table: 'accounts',
  entity: 'account',
  writable: {
    accountNo: 'account_no',
    premiseId: 'premise_id',
    status: 'status',
    voltageLevel: 'voltage_level',
    supplyMode: 'supply_mode',
    contractCapacityKva: 'contract_capacity_kva',
    tariffCategory: 'tariff_category',
    basicFeeMethod: 'basic_fee_method',
    pfStandard: 'pf_standard',
    readingBook: 'reading_book',
    readingDay: 'reading_day',
  },
  columns: `id, customer_id, account_no, premise_id, status, voltage_level, supply_mode, contract_capacity_kva,
    tariff_category, basic_fee_method, pf_standard, reading_book, reading_day, version`,
  map: (r) => ({
    id: r.id as number,
    customerId: r.customer_id as number,
    accountNo: r.account_no as string,
    premiseId: num(r.premise_id),
    status: r.status as Account['status'],
    voltageLevel: r.voltage_level as Account['voltageLevel'],
    supplyMode: r.supply_mode as Account['supplyMode'],
    contractCapacityKva: Number(r.contract_capacity_kva),
    tariffCategory: r.tariff_category as Account['tariffCategory'],
    basicFeeMethod: r.basic_fee_method as Account['basicFeeMethod'],
    pfStandard: r.pf_standard as Account['pfStandard'],
    readingBook: str(r.reading_book),
    readingDay: num(r.reading_day),
    version: r.version as number,
  }),
};

export const METERS: PartSpec<Meter> = {
  table: 'meters',
  entity: 'meter',
  writable: {
    accountId: 'account_id',
    assetNo: 'asset_no',
    meterType: 'meter_type',
    touCapable: 'tou_capable',
    ctRatio: 'ct_ratio',
    ptRatio: 'pt_ratio',
    multiplier: 'multiplier',
    installDate: 'install_date',
    sealStatus: 'seal_status',
    lastTestDate: 'last_test_date',
    priceSplit: 'price_split',
  },
  jsonColumns: ['price_split'],
  columns: `id, customer_id, account_id, asset_no, meter_type, tou_capable, ct_ratio, pt_ratio, multiplier,
    install_date, seal_status, last_test_date, price_split, version`,
  map: (r) => ({
    id: r.id as number,
    customerId: r.customer_id as number,
    accountId: r.account_id as number,
    assetNo: r.asset_no as string,
    meterType: r.meter_type as Meter['meterType'],
    touCapable: r.tou_capable as boolean,
    ctRatio: Number(r.ct_ratio),
    ptRatio: Number(r.pt_ratio),
    multiplier: Number(r.multiplier),
    installDate: str(r.install_date),
    sealStatus: r.seal_status as Meter['sealStatus'],
    lastTestDate: str(r.last_test_date),
    priceSplit: (r.price_split ?? null) as Meter['priceSplit'],
    version: r.version as number,
  }),
};

export const TRANSFORMERS: PartSpec<Transformer> = {
  table: 'transformers',
  entity: 'transformer',
  writable: {
    accountId: 'account_id',
    assetNo: 'asset_no',
    capacityKva: 'capacity_kva',
    state: 'state',
    sealed: 'sealed',
    sealedAt: 'sealed_at',
    interlockGroup: 'interlock_group',
  },
  columns: `id, customer_id, account_id, asset_no, capacity_kva, state, sealed, sealed_at, interlock_group, version`,
  map: (r) => ({
    id: r.id as number,
    customerId: r.customer_id as number,
    accountId: num(r.account_id),
    assetNo: r.asset_no as string,
    capacityKva: Number(r.capacity_kva),
    state: r.state as Transformer['state'],
    sealed: r.sealed as boolean,
    sealedAt: str(r.sealed_at),
    interlockGroup: str(r.interlock_group),
    version: r.version as number,
  }),
};

export async function insertPart<T>(
  db: Db,
  spec: PartSpec<T>,
  owner: { customerId: number; orgUnitId: number },
  values: Record<string, unknown>,
): Promise<T> {
  const set = buildSet(values, spec.writable, 3, spec.jsonColumns);
  const cols = set.columns.map((k) => spec.writable[k]);
  const placeholders = set.params.map((_, i) => `$${i + 3}`);
  // Account numbers (户号) come from their sequence unless the caller brings an existing one.
  const autoNo = spec.table === 'accounts' && !set.columns.includes('accountNo');
  const r = await db.query<Row>(
    `INSERT INTO ${spec.table}(customer_id, org_unit_id${autoNo ? ', account_no' : ''}${cols.map((c) => ', ' + c).join('')})
     VALUES ($1, $2${autoNo ? ", nextval('account_no_seq')::text" : ''}${placeholders.map((p) => ', ' + p).join('')})
     RETURNING ${spec.columns}`,
    [owner.customerId, owner.orgUnitId, ...set.params],
  );
  return spec.map(r.rows[0]);
}

/** Optimistic update; null when the version no longer matches. */
export async function updatePart<T>(
  db: Db,
  spec: PartSpec<T>,
  id: number,
  version: number,
  values: Record<string, unknown>,
): Promise<T | null> {
  const set = buildSet(values, spec.writable, 3, spec.jsonColumns);
  const r = await db.query<Row>(
    `UPDATE ${spec.table} SET ${set.sql ? set.sql + ', ' : ''}version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING ${spec.columns}`,
    [id, version, ...set.params],
  );
  return r.rows[0] ? spec.map(r.rows[0]) : null;
}

/** Deletes the part; with a version only when it still matches. Returns whether a row went. */
export async function deletePart<T>(
  db: Db,
  spec: PartSpec<T>,
  id: number,
  version: number | undefined,
): Promise<boolean> {
  const r = await db.query(`DELETE FROM ${spec.table} WHERE id = $1 AND ($2::int IS NULL OR version = $2)`, [
    id,
    version ?? null,
  ]);
  return r.rowCount > 0;
}

/** A part together with its customer's org unit, only if that customer is in the caller's scope. */
export async function findPartInScope<T>(
  db: Db,
  spec: PartSpec<T>,
  id: number,
  scope: number[],
): Promise<{ part: T; customerId: number; orgUnitId: number } | null> {
  const cols = spec.columns
    .split(',')
    .map((c) => 'x.' + c.trim())
    .join(', ');
  const r = await db.query<Row>(
    `SELECT ${cols}, c.org_unit_id AS owner_org_unit_id FROM ${spec.table} x JOIN customers c ON c.id = x.customer_id
      WHERE x.id = $1 AND c.org_unit_id = ANY($2::bigint[])`,
    [id, scope],
  );
  const row = r.rows[0];
  if (!row) return null;
  return {
    part: spec.map(row),
    customerId: row.customer_id as number,
    orgUnitId: row.owner_org_unit_id as number,
  };
}

export async function listParts<T>(db: Db, spec: PartSpec<T>, customerId: number, limit = 500): Promise<T[]> {
  const r = await db.query<Row>(
    `SELECT ${spec.columns} FROM ${spec.table} WHERE customer_id = $1 ORDER BY id LIMIT $2`,
    [customerId, limit],
  );
  return r.rows.map(spec.map);
}

/** Ids of the customer's rows in a part table (to check that references stay within the customer). */
export async function partBelongsTo(
  db: Db,
  table: 'premises' | 'accounts',
  id: number,
  customerId: number,
): Promise<boolean> {
  const r = await db.query(`SELECT 1 FROM ${table} WHERE id = $1 AND customer_id = $2`, [id, customerId]);
  return r.rows.length > 0;
}

export async function countReferences(
  db: Db,
  sql: 'accounts_of_premise' | 'meters_of_account',
  id: number,
): Promise<number> {
  const text =
    sql === 'accounts_of_premise'
      ? `SELECT count(*)::int AS n FROM accounts WHERE premise_id = $1`
      : `SELECT count(*)::int AS n FROM meters WHERE account_id = $1`;
  const r = await db.query<{ n: number }>(text, [id]);
  return r.rows[0].n;
}
