// Shared shapes of the import module.
import type { ImportMode, ImportStatus } from '@gridcare/contracts';

export type ImportFormat = 'csv' | 'xlsx';

export interface ImportJobRow {
  id: number;
  org_unit_id: number;
  created_by: number;
  file_name: string;
  file_path: string;
  format: ImportFormat;
  mode: ImportMode | null;
  status: ImportStatus;
  total_rows: number;
  valid_rows: number;
  error_rows: number;
  imported_rows: number;
  progress: string;
  message: string | null;
  created_at: string;
  updated_at: string;
}

/** Below this many rows a file is validated and imported within the request; above, as a background job. */
export const INLINE_ROW_LIMIT = 2000;
/** Detail rows kept per job; the counts stay exact beyond it. */
export const MAX_STORED_ERRORS = 100_000;
