// The import template's columns: one row per account (用电户). Rows sharing a customer_ref form one
// customer, whose customer-level fields come from the group's first row.
import type { EnumColumn } from './import-labels';

export type ColumnEntity =
  'ref' | 'customer' | 'contact' | 'premise' | 'topology' | 'account' | 'meter' | 'transformer';
export type ColumnType = 'text' | 'number' | 'boolean' | 'enum';

export interface ImportColumn {
  key: string;
  label: string;
  entity: ColumnEntity;
  /** The field of the contract schema (CustomerCreate, ContactInput, …) the column feeds. */
  field: string;
  type: ColumnType;
  required: boolean;
  note: string;
  example: string;
  /** A Chinese hint replacing the schema's format message (regex failures). */
  formatHint?: string;
}

const col = (
  key: string,
  label: string,
  entity: ColumnEntity,
  field: string,
  type: ColumnType,
  required: boolean,
  note: string,
  example: string,
  formatHint?: string,
): ImportColumn => ({ key, label, entity, field, type, required, note, example, formatHint });

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  col(
    'customer_ref',
    '客户编号',
    'ref',
    'customerRef',
    'text',
    true,
    '文件内的客户分组键：同一客户的多个用电户填写相同的编号',
    'K0001',
  ),
  col(
    'org_unit_code',
    '供电单位编码',
    'customer',
    'orgUnitCode',
    'text',
    true,
    '您管辖范围内的供电所或营业厅编码',
    'B01-S1',
  ),
  col('name', '客户名称', 'customer', 'name', 'text', true, '个人姓名或单位全称', '张三'),
  col('kind', '客户类型', 'customer', 'kind', 'enum', true, '个人或单位', '个人'),
  col(
    'cert_type',
    '证件类型',
    'customer',
    'certType',
    'enum',
    false,
    '身份证与统一社会信用代码会校验校验位',
    '居民身份证',
  ),
  col(
    'cert_no',
    '证件号码',
    'customer',
    'certNo',
    'text',
    false,
    '填写证件类型时必填；请将单元格设为文本格式',
    '',
  ),
  col('industry_code', '行业代码', 'customer', 'industryCode', 'text', false, '国民经济行业分类代码', ''),
  col('industry_name', '行业名称', 'customer', 'industryName', 'text', false, '', ''),
  col(
    'customer_class',
    '客户分类',
    'customer',
    'customerClass',
    'enum',
    true,
    '大工业：高压且受电容量≥315kVA',
    '居民',
  ),
  col('importance_tier', '重要等级', 'customer', 'importanceTier', 'enum', true, '', '居民客户'),
  col('vip', 'VIP', 'customer', 'vip', 'boolean', false, '是/否，默认否', '否'),
  col('relationship', '客户关系', 'customer', 'relationship', 'enum', false, '默认社会客户', '社会客户'),
  col('contact_name', '联系人姓名', 'contact', 'name', 'text', false, '填写任一联系人列时必填', '张三'),
  col('contact_role', '联系人角色', 'contact', 'role', 'enum', false, '默认其他', '其他'),
  col('contact_mobile', '联系人手机', 'contact', 'mobile', 'text', false, '11 位手机号码', '13800138000'),
  col('contact_email', '联系人邮箱', 'contact', 'email', 'text', false, '', ''),
  col('province', '省', 'premise', 'province', 'text', true, '用电地址', '江西省'),
  col('city', '市', 'premise', 'city', 'text', true, '', '南昌市'),
  col('district', '区县', 'premise', 'district', 'text', true, '', '东湖区'),
  col('street', '街道乡镇', 'premise', 'street', 'text', false, '', '八一大道'),
  col('address_detail', '详细地址', 'premise', 'detail', 'text', true, '门牌号等', '100号1栋101室'),
  col('area_class', '地区类别', 'premise', 'areaClass', 'enum', true, '', '城市'),
  col(
    'transformer_area_code',
    '台区编码',
    'topology',
    'transformerAreaCode',
    'text',
    false,
    '须为系统中已有的台区编码',
    '',
  ),
  col(
    'feeder_code',
    '线路编码',
    'topology',
    'feederCode',
    'text',
    false,
    '须为系统中已有的 10kV 线路编码',
    '',
  ),
  col(
    'account_no',
    '户号',
    'account',
    'accountNo',
    'text',
    false,
    '10 位数字；不填则自动编号',
    '',
    '户号应为 10 位数字',
  ),
  col('voltage_level', '电压等级', 'account', 'voltageLevel', 'enum', true, '', '220V'),
  col('supply_mode', '供电方式', 'account', 'supplyMode', 'enum', false, '默认单电源', '单电源'),
  col(
    'contract_capacity_kva',
    '合同容量(kVA)',
    'account',
    'contractCapacityKva',
    'number',
    false,
    '默认 0',
    '8',
  ),
  col('tariff_category', '电价类别', 'account', 'tariffCategory', 'enum', true, '', '居民生活用电'),
  col(
    'basic_fee_method',
    '基本电费计收方式',
    'account',
    'basicFeeMethod',
    'enum',
    false,
    '默认不计收',
    '不计收',
  ),
  col('pf_standard', '力调标准', 'account', 'pfStandard', 'enum', false, '默认不考核', '不考核'),
  col('reading_book', '抄表段', 'account', 'readingBook', 'text', false, '', 'CB-001'),
  col('reading_day', '抄表日', 'account', 'readingDay', 'number', false, '1–28', '5'),
  col(
    'meter_asset_no',
    '电能表资产编号',
    'meter',
    'assetNo',
    'text',
    false,
    '填写任一电能表列时必填，全系统唯一',
    'M-EXAMPLE-0001',
  ),
  col(
    'meter_type',
    '电能表类型',
    'meter',
    'meterType',
    'enum',
    false,
    '填写电能表资产编号时必填',
    '单相智能表',
  ),
  col('ct_ratio', 'CT变比', 'meter', 'ctRatio', 'number', false, '默认 1；综合倍率 = CT变比 × PT变比', '1'),
  col('pt_ratio', 'PT变比', 'meter', 'ptRatio', 'number', false, '默认 1', '1'),
  col(
    'transformer_asset_no',
    '受电变压器资产编号',
    'transformer',
    'assetNo',
    'text',
    false,
    '填写任一变压器列时必填，全系统唯一',
    '',
  ),
  col(
    'transformer_capacity_kva',
    '变压器容量(kVA)',
    'transformer',
    'capacityKva',
    'number',
    false,
    '填写变压器资产编号时必填',
    '',
  ),
  col('transformer_state', '变压器状态', 'transformer', 'state', 'enum', false, '默认运行', ''),
];

export const COLUMN_BY_KEY = new Map(IMPORT_COLUMNS.map((c) => [c.key, c]));

/** "客户名称(name)" — the header the templates write. */
export function headerLabel(c: ImportColumn): string {
  return `${c.label}(${c.key})`;
}

export function isEnumColumn(c: ImportColumn): c is ImportColumn & { key: EnumColumn } {
  return c.type === 'enum';
}

/** Columns a file must have for its rows to make sense at all; a file without them is refused on upload. */
export const REQUIRED_HEADERS = ['customer_ref', 'org_unit_code', 'name'] as const;

const byHeader = new Map<string, string>();
for (const c of IMPORT_COLUMNS) {
  byHeader.set(c.key.toLowerCase(), c.key);
  byHeader.set(c.label.toLowerCase(), c.key);
  byHeader.set(headerLabel(c).toLowerCase(), c.key);
}

/** Accepts the Chinese label, the English key, or "label(key)" (also with full-width brackets). */
export function columnKeyOf(header: string): string | null {
  const h = header
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
  const direct = byHeader.get(h) ?? byHeader.get(h.replace(/\s+/g, ''));
  if (direct) return direct;
  const bracketed = /\(([a-z0-9_]+)\)\s*$/.exec(h);
  return bracketed ? (byHeader.get(bracketed[1]) ?? null) : null;
}
