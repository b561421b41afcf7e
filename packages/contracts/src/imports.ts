// Bulk import of the customer archive (CSV/XLSX): jobs, row-level errors and the commit request.
import { z } from 'zod';
import { PageQuery, pageOf } from './common';

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
/** all_or_nothing refuses a file with any error; valid_rows imports the customers whose rows are all clean. */
export const IMPORT_MODES = ['all_or_nothing', 'valid_rows'] as const;
export const IMPORT_STATUSES = [
  'validating',
  'validated',
  'importing',
  'done',
  'failed',
  'rejected',
] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const ImportJob = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  createdBy: z.number(),
  fileName: z.string(),
  format: z.enum(IMPORT_FORMATS),
  mode: z.enum(IMPORT_MODES).nullable(),
  status: z.enum(IMPORT_STATUSES),
  totalRows: z.number(),
  validRows: z.number(),
  errorRows: z.number(),
  importedRows: z.number(),
  /** 0–100 */
  progress: z.number(),
  message: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportJobBody = z.object({ job: ImportJob });
export const ImportJobPage = pageOf(ImportJob);
export const ImportListQuery = PageQuery.extend({ status: z.enum(IMPORT_STATUSES).optional() });
export type ImportListQuery = z.infer<typeof ImportListQuery>;

export const ImportRowError = z.object({
  /** The spreadsheet row number (the header is row 1). */
  rowNo: z.number(),
  /** The template column key, e.g. 'cert_no'. */
  field: z.string(),
  message: z.string(),
  value: z.string().nullable(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;
export const ImportErrorPage = pageOf(ImportRowError);
export const ImportErrorQuery = PageQuery;

export const ImportCommitBody = z.object({ mode: z.enum(IMPORT_MODES) });
export type ImportCommitBody = z.infer<typeof ImportCommitBody>;
