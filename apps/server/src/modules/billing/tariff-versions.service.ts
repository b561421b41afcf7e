// The tariff catalogue (电价目录): versions by effective date. A change is a new draft copied from an
// existing version, edited, then activated; an active version is never edited in place, so every bill's
// tariff_version_id keeps meaning exactly the prices it was computed with.
import {
  TariffVersionDocument,
  type TariffVersionCreate,
  type TariffVersionDetail,
  type TariffVersionSummary,
  type TariffVersionUpdate,
} from '@gridcare/contracts';
import { DEFAULT_DEMO_TARIFF, validateTariffVersion, type TariffVersion } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { requirePermission, type RequestContext } from '../../platform/auth/context';
import { writeAudit } from '../../platform/audit/audit';
import { DomainError, notFound, versionConflict, type ErrorDetail } from '../../platform/http/errors';
import { shanghaiDate } from './bill-input';
import { forgetTariffs, tariffInForce } from './tariff-cache';
import * as repo from './tariff-versions.repository';

function toSummary(r: repo.TariffVersionRow, inForceId: number | null): TariffVersionSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    effectiveFrom: r.effective_from,
    status: r.status,
    basedOnId: r.based_on_id,
    note: r.note,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    activatedByName: r.activated_by_name,
    activatedAt: r.activated_at,
    inForce: r.id === inForceId,
    version: r.version,
  };
}

async function inForceId(db: Db, now: Date): Promise<number | null> {
  return (await tariffInForce(db, shanghaiDate(now)))?.id ?? null;
}

export async function listTariffVersions(ctx: RequestContext): Promise<{ items: TariffVersionSummary[] }> {
  requirePermission(ctx.user, 'billing:read');
  const current = await inForceId(ctx.db, ctx.now);
  return { items: (await repo.listVersions(ctx.db)).map((r) => toSummary(r, current)) };
}

export async function getTariffVersion(ctx: RequestContext, id: number): Promise<TariffVersionDetail> {
  requirePermission(ctx.user, 'billing:read');
  const row = await repo.findVersion(ctx.db, id);
  if (!row) throw notFound();
  return { ...toSummary(row, await inForceId(ctx.db, ctx.now)), document: repo.documentOf(row) };
}

/** The engine's semantic checks (tier order, TOU day coverage, …) as field errors under `path`. */
function checkDocument(doc: TariffVersion, path: string): void {
  const parsed = TariffVersionDocument.safeParse(doc);
  const details: ErrorDetail[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: [path, ...i.path.map(String)].join('.'), message: i.message }));
  if (parsed.success) {
    for (const issue of validateTariffVersion(doc)) {
      details.push({ path: [path, ...issue.path.map(String)].join('.'), message: issue.message });
    }
  }
  if (details.length) throw new DomainError('validation', details);
}

async function requireFreeCode(db: Db, code: string, exceptId = 0): Promise<void> {
  if (await repo.codeTaken(db, code, exceptId))
    throw new DomainError('unique', [{ path: 'body.code', message: '版本编号已存在' }]);
}

/** A new draft: a copy of `basedOnId`, or of the version in force today, or of the demo tariff. */
export async function createDraft(
  ctx: RequestContext,
  body: TariffVersionCreate,
): Promise<TariffVersionDetail> {
  requirePermission(ctx.user, 'tariff:admin');
  let base: TariffVersion;
  let basedOnId: number | null = null;
  if (body.basedOnId) {
    const row = await repo.findVersion(ctx.db, body.basedOnId);
    if (!row)
      throw new DomainError('validation', [{ path: 'body.basedOnId', message: '被复制的电价版本不存在' }]);
    base = repo.documentOf(row);
    basedOnId = row.id;
  } else {
    const current = await tariffInForce(ctx.db, shanghaiDate(ctx.now));
    base = current ?? DEFAULT_DEMO_TARIFF;
    basedOnId = current?.id ?? null;
  }
  await requireFreeCode(ctx.db, body.code);
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await repo.insertVersion(tx, {
      code: body.code,
      name: body.name,
      effectiveFrom: body.effectiveFrom,
      status: 'draft',
      document: { ...base, id: 0, code: body.code, name: body.name, effectiveFrom: body.effectiveFrom },
      basedOnId,
      note: body.note ?? null,
      createdBy: ctx.user.id,
    });
    await audit(ctx, tx, 'tariff_version.create', newId, undefined, { ...body, basedOnId });
    return newId;
  });
  return getTariffVersion(ctx, id);
}

/** Edits a draft (409 on a stale version; an active or retired version is never edited). */
export async function updateDraft(
  ctx: RequestContext,
  id: number,
  body: TariffVersionUpdate,
): Promise<TariffVersionDetail> {
  requirePermission(ctx.user, 'tariff:admin');
  const row = await repo.findVersion(ctx.db, id);
  if (!row) throw notFound();
  if (row.status !== 'draft')
    throw new DomainError('invalid_state', [
      { path: 'status', message: '只能修改草稿版本；已生效的版本请复制为新版本' },
    ]);
  if (row.version !== body.version) throw versionConflict();
  const next = {
    code: body.code ?? row.code,
    name: body.name ?? row.name,
    effectiveFrom: body.effectiveFrom ?? row.effective_from,
    note: body.note === undefined ? row.note : body.note,
  };
  const components = body.components ?? {
    categories: row.document.categories,
    residentialTiers: row.document.residentialTiers,
    surcharges: row.document.surcharges,
    touSeasons: row.document.touSeasons,
  };
  const document: TariffVersion = {
    ...components,
    id: row.id,
    code: next.code,
    name: next.name,
    effectiveFrom: next.effectiveFrom,
  };
  checkDocument(document, 'body.components');
  if (next.code !== row.code) await requireFreeCode(ctx.db, next.code, id);
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.updateDraft(tx, id, body.version, { ...next, document }))) throw versionConflict();
    await audit(ctx, tx, 'tariff_version.update', id, repo.documentOf(row), document);
  });
  forgetTariffs();
  return getTariffVersion(ctx, id);
}

/** Activates a draft after checking it once more: from its effective date it prices new bills. */
export async function activate(
  ctx: RequestContext,
  id: number,
  version: number,
): Promise<TariffVersionDetail> {
  requirePermission(ctx.user, 'tariff:admin');
  const row = await repo.findVersion(ctx.db, id);
  if (!row) throw notFound();
  if (row.status !== 'draft') throw new DomainError('invalid_state');
  if (row.version !== version) throw versionConflict();
  checkDocument(repo.documentOf(row), 'document');
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.setStatus(tx, id, version, 'draft', 'active', ctx.user.id))) throw versionConflict();
    await audit(ctx, tx, 'tariff_version.activate', id, { status: 'draft' }, { status: 'active' });
  });
  forgetTariffs();
  return getTariffVersion(ctx, id);
}

/** Withdraws an active version (entered in error): periods fall back to the previous version. */
export async function retire(ctx: RequestContext, id: number, version: number): Promise<TariffVersionDetail> {
  requirePermission(ctx.user, 'tariff:admin');
  const row = await repo.findVersion(ctx.db, id);
  if (!row) throw notFound();
  if (row.status !== 'active') throw new DomainError('invalid_state');
  if (row.version !== version) throw versionConflict();
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.setStatus(tx, id, version, 'active', 'retired', ctx.user.id))) throw versionConflict();
    await audit(ctx, tx, 'tariff_version.retire', id, { status: 'active' }, { status: 'retired' });
  });
  forgetTariffs();
  return getTariffVersion(ctx, id);
}

function audit(ctx: RequestContext, tx: Db, action: string, id: number, before: unknown, after: unknown) {
  return writeAudit(tx, {
    actor: { id: ctx.user.id, name: ctx.user.displayName },
    action,
    entity: 'tariff_version',
    entityId: id,
    before,
    after,
    requestId: ctx.requestId,
  });
}

/** The demo tariff as the first active version of an empty catalogue (seed, tests). Returns its id. */
export async function ensureDefaultTariff(db: Db): Promise<number> {
  const existing = await db.query<{ id: number }>(`SELECT id FROM tariff_versions WHERE code = $1`, [
    DEFAULT_DEMO_TARIFF.code,
  ]);
  if (existing.rows[0]) return existing.rows[0].id;
  const id = await repo.insertVersion(db, {
    code: DEFAULT_DEMO_TARIFF.code,
    name: DEFAULT_DEMO_TARIFF.name,
    effectiveFrom: DEFAULT_DEMO_TARIFF.effectiveFrom,
    status: 'active',
    document: DEFAULT_DEMO_TARIFF,
    basedOnId: null,
    note: '演示电价（domain.md §9 示例省份）',
    createdBy: null,
  });
  forgetTariffs();
  return id;
}
