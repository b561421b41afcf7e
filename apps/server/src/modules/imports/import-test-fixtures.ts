// Builders for import tests: rows, CSV/XLSX/GBK files, multipart bodies and valid certificate numbers.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { creditCodeCheckCharacter, residentIdCheckCharacter } from '@gridcare/domain';
import { IMPORT_COLUMNS, headerLabel } from './import-columns';

export type Row = Record<string, string>;

export function residentId(body17: string): string {
  return body17 + residentIdCheckCharacter(body17);
}

export function creditCode(body17: string): string {
  return body17 + creditCodeCheckCharacter(body17)!;
}

/** A residential customer row with one account and one meter; override any column. */
export function residentRow(ref: string, n: number, over: Row = {}): Row {
  return {
    customer_ref: ref,
    org_unit_code: 'B01-S1',
    name: `测试客户${ref}`,
    kind: '个人',
    cert_type: '居民身份证',
    cert_no: residentId(`36010219900307${String(n % 1000).padStart(3, '0')}`),
    customer_class: '居民',
    importance_tier: '居民客户',
    vip: '否',
    contact_name: `联系人${ref}`,
    contact_mobile: `138${String(n).padStart(8, '0')}`,
    province: '江西省',
    city: '南昌市',
    district: '东湖区',
    street: '八一大道',
    address_detail: `${n}号`,
    area_class: '城市',
    voltage_level: '220V',
    tariff_category: '居民生活用电',
    contract_capacity_kva: '8',
    reading_day: '5',
    meter_asset_no: `MT-${ref}-${n}`,
    meter_type: '单相智能表',
    ...over,
  };
}

export type HeaderStyle = 'combined' | 'key' | 'label';

function headers(style: HeaderStyle): string[] {
  return IMPORT_COLUMNS.map((c) =>
    style === 'combined' ? headerLabel(c) : style === 'key' ? c.key : c.label,
  );
}

function matrix(rows: Row[], style: HeaderStyle): string[][] {
  return [headers(style), ...rows.map((r) => IMPORT_COLUMNS.map((c) => r[c.key] ?? ''))];
}

export function csvOf(rows: Row[], style: HeaderStyle = 'combined', bom = true): Buffer {
  return Buffer.from((bom ? '\uFEFF' : '') + stringify(matrix(rows, style)), 'utf8');
}

export async function xlsxOf(rows: Row[], style: HeaderStyle = 'combined'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('data');
  for (const r of matrix(rows, style)) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** GBK bytes of a text, by inverting the platform's GBK decoder (Node has no GBK encoder). */
export function gbkOf(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = decoder.decode(Uint8Array.of(hi, lo));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

export function multipart(
  fileName: string,
  content: Buffer,
  field = 'file',
): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----gridcare${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A further account of the customer whose first row was residentRow(ref, firstN): same customer columns. */
export function followerRow(ref: string, firstN: number, n: number, over: Row = {}): Row {
  const head = residentRow(ref, firstN);
  return { ...residentRow(ref, n), cert_no: head.cert_no, contact_mobile: head.contact_mobile, ...over };
}
