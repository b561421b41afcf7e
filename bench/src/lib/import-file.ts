// The import benchmark's input: a CSV in the import template's columns (one customer per row, with an
// account and a meter), and — from the very same rows — the COPY text of the customers, accounts and
// meters rows pre-shaped for a raw COPY into the real tables (the baseline). Everything is written as a
// stream to files; nothing holds more than one buffer of rows in memory.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { creditCodeCheckCharacter, residentIdCheckCharacter } from '@gridcare/domain';
import { IMPORT_COLUMNS, headerLabel } from '../../../apps/server/src/modules/imports/import-columns';
import { createRng, type Rng } from '../../../apps/server/seed/generator/prng';
import {
  ADDRESS_PREFIX,
  businessAddress,
  companyName,
  homeAddress,
  personName,
  shopName,
  type AreaClass,
  type District,
} from '../../../apps/server/seed/generator/people';
import { BIRTH_REGIONS, DISTRICTS_BY_AREA, INDUSTRIES } from '../../../apps/server/seed/generator/zh-data';

/** Supply offices of the demo org (seed/org-seed.ts) with the area their branch serves. */
const OFFICES: readonly { code: string; area: AreaClass }[] = [
  { code: 'B01-S1', area: 'urban' },
  { code: 'B01-S2', area: 'urban' },
  { code: 'B01-S3', area: 'urban' },
  { code: 'B02-S1', area: 'rural' },
  { code: 'B02-S2', area: 'rural' },
  { code: 'B03-S1', area: 'remote' },
  { code: 'B03-S2', area: 'remote' },
  { code: 'B03-S3', area: 'remote' },
];
const AREA_LABEL: Record<AreaClass, string> = { urban: '城市', rural: '农村', remote: '边远' };
const MOBILE_PREFIXES = ['138', '139', '135', '136', '158', '159', '186', '187', '177', '199', '150', '182'];
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** First account number used by the file: far from account_no_seq (3000000001…). */
const ACCOUNT_NO_BASE = 5_000_000_001;
/** First customer number of the baseline rows (customer_no_seq starts at 1000000001 too). */
const CUSTOMER_NO_BASE = 1_000_000_001;

/** The ids the baseline's pre-shaped rows need. */
export interface BaselineIds {
  orgUnitIdByCode: ReadonlyMap<string, number>;
}

export interface GeneratedFiles {
  rows: number;
  csvPath: string;
  csvBytes: number;
  /** COPY text (tab separated) of customers, accounts and meters, columns as in BASELINE_COLUMNS. */
  copyPaths: { customers: string; accounts: string; meters: string };
}

export const BASELINE_COLUMNS = {
  customers: [
    'id',
    'org_unit_id',
    'customer_no',
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
    'phone',
    'phone_last4',
    'address',
    'search_text',
  ],
  accounts: [
    'id',
    'customer_id',
    'org_unit_id',
    'account_no',
    'status',
    'voltage_level',
    'supply_mode',
    'contract_capacity_kva',
    'tariff_category',
    'basic_fee_method',
    'pf_standard',
    'reading_book',
    'reading_day',
  ],
  meters: [
    'id',
    'account_id',
    'customer_id',
    'org_unit_id',
    'asset_no',
    'meter_type',
    'ct_ratio',
    'pt_ratio',
    'multiplier',
  ],
} as const;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function residentId(rng: Rng): string {
  const y = rng.int(1940, 2005);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  const body = `${rng.pick(BIRTH_REGIONS)}${y}${pad(m, 2)}${pad(d, 2)}${pad(rng.int(0, 999), 3)}`;
  return body + residentIdCheckCharacter(body);
}

function creditCode(rng: Rng, district: District): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += USCC_ALPHABET[rng.int(0, USCC_ALPHABET.length - 1)];
  const body = `91${district.code}${org}`;
  return body + creditCodeCheckCharacter(body)!;
}

/** One row of the template as column key → text, plus what the baseline needs beyond it. */
interface GeneratedRow {
  cells: Record<string, string>;
  kind: 'person' | 'organisation';
  certType: 'resident_id' | 'uscc';
  customerClass: string;
  importanceTier: string;
  tariff: string;
  meterType: string;
  fullAddress: string;
}

const TARIFF_LABEL: Record<string, string> = {
  commercial: '商业用电',
  general_industry: '普通工业用电',
  large_industry: '大工业用电',
  agriculture: '农业生产用电',
};

/** A row with every template column, always created with the same keys in the same order. */
function blankCells(): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const c of IMPORT_COLUMNS) cells[c.key] = '';
  return cells;
}

function makeRow(rng: Rng, i: number): GeneratedRow {
  const office = OFFICES[i % OFFICES.length];
  const district = rng.pick(DISTRICTS_BY_AREA[office.area]) as District;
  const c = blankCells();
  c.customer_ref = `K${pad(i + 1, 8)}`;
  c.org_unit_code = office.code;
  c.relationship = '社会客户';
  c.contact_mobile = `${rng.pick(MOBILE_PREFIXES)}${pad(rng.int(0, 99_999_999), 8)}`;
  c.province = '江西省';
  c.city = '南昌市';
  c.area_class = AREA_LABEL[office.area];
  c.account_no = String(ACCOUNT_NO_BASE + i);
  c.reading_book = `CB-${office.code}-${pad(rng.int(1, 400), 3)}`;
  c.reading_day = String(rng.int(1, 28));
  c.meter_asset_no = `3601${pad(i + 1, 12)}`;
  if (rng.chance(0.88)) {
    const name = personName(rng, rng.chance(0.5));
    const a = homeAddress(rng, office.area, district);
    c.name = name;
    c.kind = '个人';
    c.cert_type = '居民身份证';
    c.cert_no = residentId(rng);
    c.customer_class = '居民';
    c.importance_tier = '居民客户';
    c.vip = '否';
    c.contact_name = name;
    c.contact_role = '其他';
    c.district = a.district;
    c.street = a.street;
    c.address_detail = a.detail;
    c.voltage_level = '220V';
    c.tariff_category = '居民生活用电';
    c.contract_capacity_kva = rng.pick(['4', '6', '8', '10', '16']);
    c.meter_type = '单相智能表';
    c.ct_ratio = '1';
    c.pt_ratio = '1';
    return {
      cells: c,
      kind: 'person',
      certType: 'resident_id',
      customerClass: 'residential',
      importanceTier: 'residential',
      tariff: 'residential',
      meterType: 'smart_single_phase',
      fullAddress: a.full,
    };
  }
  const hv = rng.chance(0.15);
  const industry = rng.pick(hv ? INDUSTRIES.hvService : INDUSTRIES.lvBusiness);
  const a = businessAddress(rng, office.area, district, false);
  c.name = hv || rng.chance(0.5) ? companyName(rng, industry, district) : shopName(rng, industry, district);
  c.kind = '单位';
  c.cert_type = '统一社会信用代码';
  c.cert_no = creditCode(rng, district);
  c.industry_code = industry.code;
  c.industry_name = industry.name;
  c.customer_class = hv ? '高压' : '低压非居民';
  c.importance_tier = hv ? '重点客户' : '基层客户';
  c.vip = hv && rng.chance(0.1) ? '是' : '否';
  c.contact_name = personName(rng, rng.chance(0.5));
  c.contact_role = hv ? '电气联系人' : '法定代表人';
  c.district = a.district;
  c.street = a.street;
  c.address_detail = a.detail;
  c.voltage_level = hv ? '10kV' : '380V';
  c.tariff_category = TARIFF_LABEL[industry.tariff];
  c.contract_capacity_kva = hv
    ? String(rng.pick([200, 250, 400, 630, 800]))
    : String(rng.pick([20, 30, 50, 80]));
  c.basic_fee_method = '不计收';
  c.pf_standard = hv ? '0.90' : '不考核';
  c.meter_type = '三相智能表';
  c.ct_ratio = hv ? '50' : String(rng.pick([1, 20, 30]));
  c.pt_ratio = hv ? '100' : '1';
  return {
    cells: c,
    kind: 'organisation',
    certType: 'uscc',
    customerClass: hv ? 'hv' : 'lv_non_residential',
    importanceTier: hv ? 'key' : 'grassroots',
    tariff: industry.tariff,
    meterType: 'smart_three_phase',
    fullAddress: a.full,
  };
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** COPY text: the generated values never contain tabs, backslashes or line breaks. */
function copyCell(v: string | number | boolean | null): string {
  if (v === null || v === '') return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return String(v);
}

/** A write stream fed in ~1 MB strings, waiting for 'drain' so memory stays flat. */
class BufferedOut {
  private parts: string[] = [];
  private chars = 0;
  bytes = 0;
  private readonly out: WriteStream;
  constructor(path: string) {
    this.out = createWriteStream(path);
  }
  /** Returns a promise only when the buffer was handed to the stream and the stream is full. */
  add(s: string): Promise<void> | undefined {
    this.parts.push(s);
    this.chars += s.length;
    return this.chars >= 1 << 19 ? this.flush() : undefined;
  }
  private async flush(): Promise<void> {
    const chunk = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.chars = 0;
    this.bytes += chunk.length;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    const done = once(this.out, 'close');
    this.out.end();
    await done;
  }
}

/**
 * Writes `rows` template rows to `${prefix}.csv` (UTF-8 with BOM, the template's combined headers) and
 * the same rows, pre-shaped with explicit ids 1…rows, to `${prefix}.customers|accounts|meters.copy`.
 */
export async function writeImportFiles(
  prefix: string,
  rows: number,
  ids: BaselineIds,
  seed = 20261122,
): Promise<GeneratedFiles> {
  const rng = createRng(seed);
  const csv = new BufferedOut(`${prefix}.csv`);
  const customers = new BufferedOut(`${prefix}.customers.copy`);
  const accounts = new BufferedOut(`${prefix}.accounts.copy`);
  const meters = new BufferedOut(`${prefix}.meters.copy`);
  await csv.add('\uFEFF' + IMPORT_COLUMNS.map((c) => csvCell(headerLabel(c))).join(',') + '\r\n');
  const line = (values: (string | number | boolean | null)[]) => values.map(copyCell).join('\t') + '\n';
  for (let i = 0; i < rows; i++) {
    const r = makeRow(rng, i);
    const c = r.cells;
    await csv.add(IMPORT_COLUMNS.map((col) => csvCell(c[col.key] ?? '')).join(',') + '\r\n');
    const id = i + 1;
    const orgUnitId = ids.orgUnitIdByCode.get(c.org_unit_code);
    if (orgUnitId === undefined) throw new Error(`unknown org unit ${c.org_unit_code}`);
    const customerNo = `C${CUSTOMER_NO_BASE + i}`;
    const fullAddress = r.fullAddress.startsWith(ADDRESS_PREFIX)
      ? r.fullAddress
      : ADDRESS_PREFIX + r.fullAddress;
    await customers.add(
      line([
        id,
        orgUnitId,
        customerNo,
        c.name,
        r.kind,
        r.certType,
        c.cert_no,
        c.industry_code ?? null,
        c.industry_name ?? null,
        r.customerClass,
        r.importanceTier,
        c.vip === '是',
        'social',
        c.contact_mobile,
        c.contact_mobile.slice(-4),
        fullAddress,
        `${c.name} ${customerNo} ${fullAddress} ${c.account_no}`.toLowerCase(),
      ]),
    );
    await accounts.add(
      line([
        id,
        id,
        orgUnitId,
        c.account_no,
        'active',
        c.voltage_level,
        'single',
        c.contract_capacity_kva,
        r.tariff,
        'none',
        c.pf_standard === '0.90' ? '0.90' : 'none',
        c.reading_book,
        Number(c.reading_day),
      ]),
    );
    const ct = Number(c.ct_ratio);
    const pt = Number(c.pt_ratio);
    await meters.add(line([id, id, id, orgUnitId, c.meter_asset_no, r.meterType, ct, pt, ct * pt]));
  }
  await Promise.all([csv.close(), customers.close(), accounts.close(), meters.close()]);
  return {
    rows,
    csvPath: `${prefix}.csv`,
    csvBytes: csv.bytes,
    copyPaths: {
      customers: `${prefix}.customers.copy`,
      accounts: `${prefix}.accounts.copy`,
      meters: `${prefix}.meters.copy`,
    },
  };
}
