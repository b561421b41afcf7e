// The org scope of a metering query: null for a company-wide caller (no per-row test, index scans stay
// plain), else the caller's org unit ids.
import type { RequestContext } from '../../platform/auth/context';

export async function readingScope(ctx: RequestContext): Promise<number[] | null> {
  const r = await ctx.db.query<{ id: number }>(`SELECT id FROM org_units WHERE parent_id IS NULL`);
  return r.rows.some((x) => ctx.user.scopeOrgIds.includes(x.id)) ? null : ctx.user.scopeOrgIds;
}
