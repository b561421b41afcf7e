// The customer list, the one search box and the Excel export, all scoped and PII-masked.
import type { CustomerListQuery, CustomerSummary } from '@gridcare/contracts';
import { classifySearchQuery, normaliseCertificate } from '@gridcare/domain';
import { requirePermission, type RequestContext } from '../../platform/auth/context';
import type { ExcelColumn } from '../../platform/http/excel';
import { auditPiiView, presentSummary, seesPii } from './customer-pii';
import {
  listIds,
  searchIds,
  searchPage,
  summariesByIds,
  type ListFilters,
  type SearchTerms,
  type SummaryRecord,
} from './customer-search.repository';
import { orgUnitAndDescendants } from './customers.repository';
import { escapeLike } from './sql-set';

/**
 * A broad search (a common surname, a four-digit tail, a road name) collects at most this many
 * candidates per branch; the UI then says "more than 200, narrow your search". Agents refine rather
 * than page through hundreds of namesakes, and a smaller candidate set keeps the p95 down.
 */
export const SEARCH_CAP = 200;
/** The filtered list counts at most this many rows: an exact count of a million rows costs too much. */
export const LIST_COUNT_CAP = 10_000;
export const EXPORT_MAX_ROWS = 100_000;
/** Trigrams need three characters; shorter text is searched as a name prefix only. */
const MIN_FRAGMENT_CHARS = 3;

async function filtersOf(ctx: RequestContext, q: CustomerListQuery): Promise<ListFilters> {
  const scope = ctx.user.scopeOrgIds;
  const orgUnitIds = q.orgUnitId
    ? (await orgUnitAndDescendants(ctx.db, q.orgUnitId)).filter((id) => scope.includes(id))
    : scope;
  return {
    orgUnitIds,
    customerClass: q.customerClass,
    importanceTier: q.importanceTier,
    vip: q.vip === undefined ? undefined : q.vip === 'true',
    industryCode: q.industryCode,
    managerId: q.managerId,
    unassignedRequired: q.unassignedRequired === 'true',
  };
}

/** Which indexes to ask, from what the text looks like (classifySearchQuery, packages/domain). */
export function searchTermsOf(raw: string): SearchTerms {
  const { text, kinds } = classifySearchQuery(raw);
  const compact = text.replace(/[\s-]/g, '');
  const lower = text.toLowerCase();
  const terms: SearchTerms = { namePrefix: escapeLike(lower) };
  for (const kind of kinds) {
    if (kind === 'account_no') terms.accountNo = compact;
    if (kind === 'customer_no') terms.customerNo = compact.toUpperCase();
    if (kind === 'phone_full') terms.phone = compact;
    if (kind === 'phone_last4') terms.phoneLast4 = compact;
    if (kind === 'certificate') terms.certNo = normaliseCertificate(compact);
  }
  // Bare digits are phone, account or certificate numbers, answered by their own indexes above; as a
  // trigram fragment they would match nearly every search document (every one holds digits) and cost
  // tens of milliseconds at a million customers.
  const digitsOnly = /^\d+$/.test(compact);
  if (!digitsOnly && [...lower].length >= MIN_FRAGMENT_CHARS) terms.fragment = escapeLike(lower);
  return terms;
}

const EXACT_KEYS = ['accountNo', 'customerNo', 'certNo', 'phone'] as const;

/**
 * Id-like text (account/customer/certificate/phone number) is answered by its exact indexes alone
 * when they find something; only otherwise do the broad branches (last four digits, name prefix,
 * fragment) run. Digit trigrams are in nearly every search document, so a fragment search on a
 * ten-digit number costs tens of milliseconds at a million rows while the exact lookup costs one.
 */
async function rankedSearch<R>(
  ctx: RequestContext,
  filters: ListFilters,
  text: string,
  page: { limit: number; offset: number },
  cap: number,
  run: (
    db: RequestContext['db'],
    f: ListFilters,
    t: SearchTerms,
    p: { limit: number; offset: number },
    c: number,
  ) => Promise<R & { total: number }>,
): Promise<R & { total: number }> {
  const terms = searchTermsOf(text);
  const exact: SearchTerms = {};
  for (const k of EXACT_KEYS) if (terms[k]) exact[k] = terms[k];
  if (Object.keys(exact).length > 0) {
    const found = await run(ctx.db, filters, exact, page, cap);
    if (found.total > 0) return found;
  }
  const broad: SearchTerms = { ...terms };
  for (const k of EXACT_KEYS) delete broad[k];
  return run(ctx.db, filters, broad, page, cap);
}

async function present(ctx: RequestContext, rows: SummaryRecord[], what: string): Promise<CustomerSummary[]> {
  const unmasked = seesPii(ctx);
  if (unmasked) {
    const ids = rows.filter((r) => r.phone || r.certNo).map((r) => r.id);
    await auditPiiView(ctx.db, ctx, { customerIds: ids, what });
  }
  return rows.map((r) => presentSummary(r, unmasked));
}

export async function listCustomers(ctx: RequestContext, q: CustomerListQuery) {
  requirePermission(ctx.user, 'customer:read');
  const filters = await filtersOf(ctx, q);
  const page = { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  if (q.q) {
    const { rows, total } = await rankedSearch(ctx, filters, q.q, page, SEARCH_CAP, searchPage);
    const shown = await present(ctx, rows, 'customer_search');
    // present() keeps the order, so the i-th shown row is the i-th match.
    const items = shown.map((s, i) => ({ ...s, matchedBy: rows[i].matchedBy }));
    return {
      items,
      page: q.page,
      pageSize: q.pageSize,
      total: Math.min(total, SEARCH_CAP),
      totalCapped: total >= SEARCH_CAP,
    };
  }
  const { ids, total } = await listIds(ctx.db, filters, page, LIST_COUNT_CAP);
  const items = await present(ctx, await summariesByIds(ctx.db, ids), 'customer_list');
  const n = total ?? 0;
  return {
    items,
    page: q.page,
    pageSize: q.pageSize,
    total: Math.min(n, LIST_COUNT_CAP),
    totalCapped: n > LIST_COUNT_CAP,
  };
}

const BATCH = 1000;

/**
 * The rows of an export, fetched in batches of a thousand (keyset by id for the list, by rank for a
 * search) so memory stays flat. Permission is checked before the first row is asked for.
 */
export async function exportRows(
  ctx: RequestContext,
  q: CustomerListQuery,
): Promise<AsyncIterable<SummaryRecord>> {
  requirePermission(ctx.user, 'customer:read');
  const filters = await filtersOf(ctx, q);
  async function* rows(): AsyncGenerator<SummaryRecord> {
    let sent = 0;
    const emit = async function* (batch: SummaryRecord[]) {
      const shown = await present(ctx, batch, 'customer_export');
      // present() keeps the order, so the i-th shown row is the i-th record, masked.
      for (const [i, s] of shown.entries()) yield { ...batch[i], ...s };
    };
    if (q.q) {
      const { hits } = await rankedSearch(
        ctx,
        filters,
        q.q,
        { limit: EXPORT_MAX_ROWS, offset: 0 },
        EXPORT_MAX_ROWS,
        searchIds,
      );
      for (let i = 0; i < hits.length; i += BATCH) {
        yield* emit(
          await summariesByIds(
            ctx.db,
            hits.slice(i, i + BATCH).map((h) => h.id),
          ),
        );
      }
      return;
    }
    let afterId = 0;
    while (sent < EXPORT_MAX_ROWS) {
      const { ids } = await listIds(
        ctx.db,
        filters,
        { limit: Math.min(BATCH, EXPORT_MAX_ROWS - sent), offset: 0, afterId },
        null,
      );
      if (ids.length === 0) return;
      yield* emit(await summariesByIds(ctx.db, ids));
      sent += ids.length;
      afterId = ids[ids.length - 1];
    }
  }
  return rows();
}

const CLASS_ZH: Record<string, string> = {
  residential: '居民',
  lv_non_residential: '低压非居民',
  hv: '高压',
  large_industry: '大工业',
};
const TIER_ZH: Record<string, string> = {
  important: '重要客户',
  key: '重点客户',
  grassroots: '基层客户',
  residential: '居民客户',
};
const KIND_ZH: Record<string, string> = { person: '个人', organisation: '单位' };
const RELATIONSHIP_ZH: Record<string, string> = { system: '系统客户', social: '社会客户' };

/** Export columns with the Chinese headers business users expect. */
export const EXPORT_COLUMNS: ExcelColumn<SummaryRecord>[] = [
  { header: '客户编号', width: 14, value: (r) => r.customerNo },
  { header: '客户名称', width: 28, value: (r) => r.name },
  { header: '客户类型', width: 8, value: (r) => KIND_ZH[r.kind] ?? r.kind },
  { header: '客户分类', width: 12, value: (r) => CLASS_ZH[r.customerClass] ?? r.customerClass },
  { header: '重要等级', width: 10, value: (r) => TIER_ZH[r.importanceTier] ?? r.importanceTier },
  { header: 'VIP', width: 6, value: (r) => (r.vip ? '是' : '否') },
  { header: '客户关系', width: 10, value: (r) => RELATIONSHIP_ZH[r.relationship] ?? r.relationship },
  { header: '行业', width: 16, value: (r) => r.industryName },
  { header: '所属单位', width: 20, value: (r) => r.orgUnitName },
  { header: '联系电话', width: 14, value: (r) => r.phone },
  { header: '证件号码', width: 22, value: (r) => r.certNo },
  { header: '用电地址', width: 40, value: (r) => r.address },
  { header: '户号', width: 24, value: (r) => (r.accountNos ?? []).join(' ') },
  { header: '客户经理', width: 10, value: (r) => r.accountManagerName },
  { header: '建档时间', width: 20, value: (r) => r.createdAt },
];
