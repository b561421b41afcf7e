// Builds the SET list of a partial update from a whitelist of columns, so a PATCH touches exactly
// the fields the client sent and nothing else.

export interface SetClause {
  sql: string;
  params: unknown[];
  columns: string[];
}

/**
 * `values` uses API (camelCase) keys; `columns` maps the writable ones to table columns.
 * Undefined values are skipped (not sent); null clears the column. Placeholders start at `first`.
 */
export function buildSet(
  values: Record<string, unknown>,
  columns: Readonly<Record<string, string>>,
  first: number,
  jsonColumns: readonly string[] = [],
): SetClause {
  const parts: string[] = [];
  const params: unknown[] = [];
  const used: string[] = [];
  for (const [key, column] of Object.entries(columns)) {
    const v = values[key];
    if (v === undefined) continue;
    params.push(jsonColumns.includes(column) && v !== null ? JSON.stringify(v) : v);
    parts.push(`${column} = $${first + params.length - 1}`);
    used.push(key);
  }
  return { sql: parts.join(', '), params, columns: used };
}

/** Escapes LIKE wildcards in user input so '%' and '_' are searched for literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}
