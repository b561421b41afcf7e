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

function makeRow(rng: Rng, i: number): GeneratedRow {
  const office = OFFICES[i % OFFICES.length];
  const district = rng.pick(DISTRICTS_BY_AREA[office.area]) as District;
  const ref = `K${pad(i + 1, 8)}`;
  const accountNo = String(ACCOUNT_NO_BASE + i);
  const meterNo = `3601${pad(i + 1, 12)}`;
  const mobile = `${rng.pick(MOBILE_PREFIXES)}${pad(rng.int(0, 99_999_999), 8)}`;
  const book = `CB-${office.code}-${pad(rng.int(1, 400), 3)}`;
  const readingDay = String(rng.int(1, 28));
  const common = {
    customer_ref: ref,
    org_unit_code: office.code,
    relationship: '社会客户',
    contact_mobile: mobile,
    province: '江西省',
    city: '南昌市',
    area_class: AREA_LABEL[office.area],
    account_no: accountNo,
    reading_book: book,
    reading_day: readingDay,
    meter_asset_no: meterNo,
  };
  if (rng.chance(0.88)) {
    const name = personName(rng, rng.chance(0.5));
    const a = homeAddress(rng, office.area, district);
    return {
      kind: 'person',
      certType: 'resident_id',
      customerClass: 'residential',
      importanceTier: 'residential',
      tariff: 'residential',
      meterType: 'smart_single_phase',
      fullAddress: a.full,
      cells: {
        ...common,
        name,
        kind: '个人',
        cert_type: '居民身份证',
        cert_no: residentId(rng),
        customer_class: '居民',
        importance_tier: '居民客户',
        vip: '否',
        contact_name: name,
        contact_role: '其他',
        district: a.district,
        street: a.street,
        address_detail: a.detail,
        voltage_level: '220V',
        tariff_category: '居民生活用电',
        contract_capacity_kva: rng.pick(['4', '6', '8', '10', '16']),
        meter_type: '单相智能表',
        ct_ratio: '1',
        pt_ratio: '1',
      },
    };
  }
  const hv = rng.chance(0.15);
  const industry = rng.pick(hv ? INDUSTRIES.hvService : INDUSTRIES.lvBusiness);
  const name =
    hv || rng.chance(0.5) ? companyName(rng, industry, district) : shopName(rng, industry, district);
  const a = businessAddress(rng, office.area, district, false);
  const tariff = industry.tariff;
  return {
    kind: 'organisation',
    certType: 'uscc',
    customerClass: hv ? 'hv' : 'lv_non_residential',
    importanceTier: hv ? 'key' : 'grassroots',
    tariff,
    meterType: 'smart_three_phase',
    fullAddress: a.full,
    cells: {
      ...common,
      name,
      kind: '单位',
      cert_type: '统一社会信用代码',
      cert_no: creditCode(rng, district),
      industry_code: industry.code,
      industry_name: industry.name,
      customer_class: hv ? '高压' : '低压非居民',
      importance_tier: hv ? '重点客户' : '基层客户',
      vip: hv && rng.chance(0.1) ? '是' : '否',
      contact_name: personName(rng, rng.chance(0.5)),
      contact_role: hv ? '电气联系人' : '法定代表人',
      district: a.district,
      street: a.street,
      address_detail: a.detail,
      voltage_level: hv ? '10kV' : '380V',
      tariff_category: {
        commercial: '商业用电',
        general_industry: '普通工业用电',
        large_industry: '大工业用电',
        agriculture: '农业生产用电',
      }[tariff],
      contract_capacity_kva: hv
        ? String(rng.pick([200, 250, 400, 630, 800]))
        : String(rng.pick([20, 30, 50, 80])),
      basic_fee_method: '不计收',
      pf_standard: hv ? '0.90' : '不考核',
      meter_type: '三相智能表',
      ct_ratio: hv ? '50' : String(rng.pick([1, 20, 30])),
      pt_ratio: hv ? '100' : '1',
    },
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
  private buf = '';
  bytes = 0;
  private readonly out: WriteStream;
  constructor(path: string) {
    this.out = createWriteStream(path);
  }
  async add(s: string): Promise<void> {
    this.buf += s;
    if (this.buf.length >= 1 << 19) await this.flush();
  }
  private async flush(): Promise<void> {
    const chunk = Buffer.from(this.buf, 'utf8');
    this.buf = '';
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
