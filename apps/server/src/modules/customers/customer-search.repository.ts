// The customer list and the one search box. Every branch of the search is answered by an index
// (accounts.account_no, customer_no, cert_no, phone, contacts.mobile, phone_last4, lower(name)
// prefix, trigram search_text) and bounded, so a broad fragment over a million rows stays fast.
import type { CustomerSummary } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';

export interface ListFilters {
  /** Effective org units: the caller's scope, narrowed to a unit and its descendants if asked. */
  orgUnitIds: number[];
  customerClass?: string;
  importanceTier?: string;
  vip?: boolean;
  industryCode?: string;
  managerId?: number;
  unassignedRequired?: boolean;
}

export interface SearchTerms {
  accountNo?: string;
  customerNo?: string;
  certNo?: string;
  phone?: string;
  phoneLast4?: string;
  /** Lower-cased, LIKE-escaped name prefix. */
  namePrefix?: string;
  /** Lower-cased, LIKE-escaped fragment (3+ characters, so the trigram index can answer). */
  fragment?: string;
}

/** WHERE conditions on `customers c` for the filters; pushes its parameters onto `params`. */
function filterSql(f: ListFilters, params: unknown[]): string {
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const parts = [`c.org_unit_id = ANY(${add(f.orgUnitIds)}::bigint[])`];
  if (f.customerClass) parts.push(`c.customer_class = ${add(f.customerClass)}`);
  if (f.importanceTier) parts.push(`c.importance_tier = ${add(f.importanceTier)}`);
  if (f.vip !== undefined) parts.push(`c.vip = ${add(f.vip)}`);
  if (f.industryCode) parts.push(`c.industry_code = ${add(f.industryCode)}`);
  if (f.managerId) parts.push(`c.account_manager_id = ${add(f.managerId)}`);
  // Same rule as requiresAccountManager (domain.md §3); the partial index customers_unassigned_idx
  // carries this exact predicate.
  if (f.unassignedRequired) {
    parts.push(`c.account_manager_id IS NULL AND (c.importance_tier IN ('important','key') OR c.vip
      OR c.customer_class IN ('hv','large_industry'))`);
  }
  return parts.join(' AND ');
}

export interface RankedId {
  id: number;
  matchedBy: string;
}

/** One page of the filtered list in id order, and the count up to `countCap` (+1 to tell it was capped). */
export async function listIds(
  db: Db,
  f: ListFilters,
  page: { limit: number; offset: number; afterId?: number },
  countCap: number | null,
): Promise<{ ids: number[]; total: number | null }> {
  const params: unknown[] = [];
  const where = filterSql(f, params);
  const after = page.afterId ? ` AND c.id > ${Number(page.afterId)}` : '';
  const r = await db.query<{ id: number }>(
    `SELECT c.id FROM customers c WHERE ${where}${after} ORDER BY c.id LIMIT ${page.limit} OFFSET ${page.offset}`,
    params,
  );
  let total: number | null = null;
  if (countCap != null) {
    const n = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM customers c WHERE ${where} LIMIT ${countCap + 1}) t`,
      params,
    );
    total = n.rows[0].n;
  }
  return { ids: r.rows.map((x) => x.id), total };
}

/**
 * Ranked search: exact id-like matches (account number, customer number, certificate, full phone)
 * first, then the last four phone digits, then names starting with the text, then any fragment of
 * name, number or address. Each broad branch stops at `cap` rows.
 */
/** The UNION of index branches for the search terms, with its parameters; null when no branch applies. */
function searchBranches(
  f: ListFilters,
  t: SearchTerms,
  cap: number,
): { sql: string; params: unknown[] } | null {
  const params: unknown[] = [];
  const where = filterSql(f, params);
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const branches: string[] = [];
  const branch = (rank: number, by: string, from: string, cond: string, limited: boolean) => {
    const sql = `SELECT c.id, ${rank} AS rank, '${by}'::text AS matched_by FROM ${from} WHERE ${cond} AND ${where}`;
    branches.push(limited ? `(${sql} LIMIT ${cap})` : sql);
  };
  if (t.accountNo)
    branch(
      0,
      'account_no',
      'accounts a JOIN customers c ON c.id = a.customer_id',
      `a.account_no = ${add(t.accountNo)}`,
      false,
    );
  if (t.customerNo) branch(0, 'customer_no', 'customers c', `c.customer_no = ${add(t.customerNo)}`, false);
  if (t.certNo) branch(0, 'certificate', 'customers c', `c.cert_no = ${add(t.certNo)}`, true);
  if (t.phone) {
    const p = add(t.phone);
    branch(0, 'phone', 'customers c', `c.phone = ${p}`, true);
    branch(0, 'phone', 'contacts ct JOIN customers c ON c.id = ct.customer_id', `ct.mobile = ${p}`, true);
  }
  if (t.phoneLast4) branch(1, 'phone_last4', 'customers c', `c.phone_last4 = ${add(t.phoneLast4)}`, true);
  if (t.namePrefix) branch(2, 'name', 'customers c', `lower(c.name) LIKE ${add(t.namePrefix + '%')}`, true);
  if (t.fragment) branch(3, 'text', 'customers c', `c.search_text LIKE ${add('%' + t.fragment + '%')}`, true);
  if (branches.length === 0) return null;
  return {
    sql: `hits AS (${branches.join('\n UNION ALL ')}),
     best AS (SELECT DISTINCT ON (id) id, rank, matched_by FROM hits ORDER BY id, rank)`,
    params,
  };
}

/** Distinct matches of the branches, for a page that came back empty past the end. */
async function countMatches(db: Db, search: { sql: string; params: unknown[] }): Promise<number> {
  const n = await db.query<{ n: number }>(
    `WITH ${search.sql} SELECT count(*)::int AS n FROM best`,
    search.params,
  );
  return n.rows[0].n;
}

/**
 * Ranked search: exact id-like matches (account number, customer number, certificate, full phone)
 * first, then the last four phone digits, then names starting with the text, then any fragment of
 * name, number or address. Each broad branch stops at `cap` rows.
 */
export async function searchIds(
  db: Db,
  f: ListFilters,
  t: SearchTerms,
  page: { limit: number; offset: number },
  cap: number,
): Promise<{ hits: RankedId[]; total: number }> {
  const search = searchBranches(f, t, cap);
  if (!search) return { hits: [], total: 0 };
  const r = await db.query<{ id: number; matched_by: string; total: number }>(
    `WITH ${search.sql}
     SELECT id, matched_by, (count(*) OVER ())::int AS total FROM best
      ORDER BY rank, id LIMIT ${page.limit} OFFSET ${page.offset}`,
    search.params,
  );
  let total = r.rows[0]?.total ?? 0;
  if (r.rows.length === 0 && page.offset > 0) total = await countMatches(db, search);
  return { hits: r.rows.map((x) => ({ id: x.id, matchedBy: x.matched_by })), total };
}

/**
 * The same ranked search, answering the page's list rows in the same statement (one round trip for
 * the search box, which is the busiest request of the service centre).
 */
export async function searchPage(
  db: Db,
  f: ListFilters,
  t: SearchTerms,
  page: { limit: number; offset: number },
  cap: number,
): Promise<{ rows: (SummaryRecord & { matchedBy: string })[]; total: number }> {
  const search = searchBranches(f, t, cap);
  if (!search) return { rows: [], total: 0 };
  const r = await db.query<SummaryRow & { matched_by: string; total: number }>(
    `WITH ${search.sql},
     page AS (SELECT id, rank, matched_by, (count(*) OVER ())::int AS total FROM best
               ORDER BY rank, id LIMIT ${page.limit} OFFSET ${page.offset})
     SELECT page.matched_by, page.total, ${SUMMARY_COLUMNS}
       FROM page JOIN customers c ON c.id = page.id ${SUMMARY_JOINS}
      ORDER BY page.rank, page.id`,
    search.params,
  );
  let total = r.rows[0]?.total ?? 0;
  if (r.rows.length === 0 && page.offset > 0) total = await countMatches(db, search);
  return { rows: r.rows.map((x) => ({ ...toSummary(x), matchedBy: x.matched_by })), total };
}

export type SummaryRecord = CustomerSummary & {
  industryName: string | null;
  relationship: string;
  createdAt: string;
};

interface SummaryRow {
  id: number;
  customer_no: string;
  name: string;
  kind: CustomerSummary['kind'];
  customer_class: CustomerSummary['customerClass'];
  importance_tier: CustomerSummary['importanceTier'];
  vip: boolean;
  org_unit_id: number;
  org_unit_name: string | null;
  phone: string | null;
  cert_no: string | null;
  address: string | null;
  account_manager_id: number | null;
  manager_name: string | null;
  account_nos: string[] | null;
  industry_name: string | null;
  relationship: string;
  created_at: string;
}

const SUMMARY_COLUMNS = `c.id, c.customer_no, c.name, c.kind, c.customer_class, c.importance_tier, c.vip, c.org_unit_id,
            o.name AS org_unit_name, c.phone, c.cert_no, c.address, c.account_manager_id, u.display_name AS manager_name,
            ARRAY(SELECT a.account_no FROM accounts a WHERE a.customer_id = c.id ORDER BY a.id LIMIT 20) AS account_nos,
            c.industry_name, c.relationship, c.created_at`;
const SUMMARY_JOINS = `LEFT JOIN org_units o ON o.id = c.org_unit_id
       LEFT JOIN users u ON u.id = c.account_manager_id`;

function toSummary(x: SummaryRow): SummaryRecord {
  return {
    id: x.id,
    customerNo: x.customer_no,
    name: x.name,
    kind: x.kind,
    customerClass: x.customer_class,
    importanceTier: x.importance_tier,
    vip: x.vip,
    orgUnitId: x.org_unit_id,
    orgUnitName: x.org_unit_name,
    phone: x.phone,
    certNo: x.cert_no,
    address: x.address,
    accountNos: x.account_nos ?? [],
    accountManagerId: x.account_manager_id,
    accountManagerName: x.manager_name,
    industryName: x.industry_name,
    relationship: x.relationship,
    createdAt: x.created_at,
  };
}

/** List rows for the given ids (unmasked), in the order of `ids`. */
export async function summariesByIds(db: Db, ids: number[]): Promise<SummaryRecord[]> {
  if (ids.length === 0) return [];
  const r = await db.query<SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM customers c ${SUMMARY_JOINS} WHERE c.id = ANY($1::bigint[])`,
    [ids],
  );
  const byId = new Map(r.rows.map((x) => [x.id, x]));
  return ids
    .map((id) => byId.get(id))
    .filter((x) => x !== undefined)
    .map(toSummary);
}
