// The tables the generator fills with COPY, their columns, and the order that satisfies foreign keys.
export const TABLE_COLUMNS = {
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
    'vip_reason',
    'relationship',
    'credit_grade',
    'value_score',
    'status',
    'phone',
    'phone_last4',
    'address',
    'search_text',
    'account_manager_id',
    'created_at',
    'updated_at',
  ],
  premises: [
    'id',
    'customer_id',
    'org_unit_id',
    'province',
    'city',
    'district',
    'street',
    'detail',
    'full_address',
    'latitude',
    'longitude',
    'area_class',
    'transformer_area_id',
    'feeder_id',
    'created_at',
    'updated_at',
  ],
  accounts: [
    'id',
    'customer_id',
    'org_unit_id',
    'premise_id',
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
    'created_at',
    'updated_at',
  ],
  meters: [
    'id',
    'account_id',
    'customer_id',
    'org_unit_id',
    'asset_no',
    'meter_type',
    'tou_capable',
    'ct_ratio',
    'pt_ratio',
    'multiplier',
    'install_date',
    'seal_status',
    'last_test_date',
    'price_split',
  ],
  transformers: [
    'id',
    'customer_id',
    'account_id',
    'org_unit_id',
    'asset_no',
    'capacity_kva',
    'state',
    'sealed',
    'sealed_at',
    'interlock_group',
  ],
  contacts: [
    'id',
    'customer_id',
    'org_unit_id',
    'name',
    'role',
    'mobile',
    'phone',
    'email',
    'wechat',
    'preferred_channel',
    'quiet_start',
    'quiet_end',
    'consents',
    'is_primary',
  ],
  manager_assignments: [
    'id',
    'customer_id',
    'org_unit_id',
    'manager_id',
    'assigned_at',
    'assigned_by',
    'reason',
  ],
  ledger_entries: [
    'id',
    'customer_id',
    'org_unit_id',
    'category',
    'title',
    'content',
    'recorded_by',
    'recorded_at',
  ],
  visit_plans: ['id', 'customer_id', 'org_unit_id', 'manager_id', 'period', 'due_date', 'status', 'visit_id'],
  visits: [
    'id',
    'customer_id',
    'org_unit_id',
    'manager_id',
    'plan_id',
    'visited_at',
    'contacts_met',
    'findings',
    'needs',
    'follow_ups',
  ],
  timeline_events: [
    'id',
    'customer_id',
    'org_unit_id',
    'at',
    'kind',
    'title',
    'detail',
    'actor_id',
    'actor_name',
    'ref_entity',
    'ref_id',
  ],
} as const;

export type TableName = keyof typeof TABLE_COLUMNS;

/** Insertion order: every table after the tables its foreign keys point to. */
export const TABLE_ORDER = Object.keys(TABLE_COLUMNS) as TableName[];

/** The tables big enough that the bulk path drops and re-creates their secondary indexes. */
export const BULK_TABLES: TableName[] = ['customers', 'premises', 'accounts', 'meters', 'contacts'];

/**
 * One table's rows of the current chunk, encoded straight into a UTF-8 buffer in COPY text format.
 * Each row string dies young, so a million customers cost almost no garbage collection (keeping
 * the strings of a chunk alive until a join spent most of the time in the collector).
 */
export class RowBuffer {
  private buf = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  private count = 0;

  push(row: string): void {
    if (this.buf.length - this.used < row.length * 3 + 1) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.used + row.length * 3 + 1));
      this.buf.copy(bigger, 0, 0, this.used);
      this.buf = bigger;
    }
    this.used += this.buf.write(row, this.used, 'utf8');
    this.buf[this.used++] = 10;
    this.count++;
  }

  get rows(): number {
    return this.count;
  }

  /** The chunk's COPY data (a copy), and an empty buffer for the next chunk. */
  take(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.used));
    this.used = 0;
    this.count = 0;
    return out;
  }
}

export type ChunkRows = Record<TableName, RowBuffer>;

export function emptyChunk(): ChunkRows {
  const c = {} as ChunkRows;
  for (const t of TABLE_ORDER) c[t] = new RowBuffer();
  return c;
}

/** COPY text-format NULL. Generated values never contain tabs, newlines or backslashes. */
export const NULL = '\\N';
