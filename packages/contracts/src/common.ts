import { z } from 'zod';

export const IdParam = z.object({ id: z.coerce.number().int().positive() });
export const Id = z.number().int().positive();

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    /** True when `total` was capped (a very broad search); the UI shows "1000+". */
    totalCapped: z.boolean().optional(),
  });
}

/** Optimistic lock: every update carries the version it was read at. */
export const VersionField = z.number().int().positive();

export const OkBody = z.object({ ok: z.literal(true) });
export const IsoDateTime = z.string();
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
