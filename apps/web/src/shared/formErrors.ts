// Server 400 details (paths like `body.contacts.0.mobile`) and client-side zod issues both land
// under the form field they belong to.
import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { translate, type Locale } from '@gridcare/contracts';
import type { ErrorDetail } from '../api/client';

export type FieldPath = (string | number)[];

/** 'body.contacts.0.mobile' → ['contacts', 0, 'mobile'] */
export function detailPathToField(path: string): FieldPath {
  const parts = path.split(/[.[\]/]+/).filter(Boolean);
  if (parts[0] === 'body' || parts[0] === 'query' || parts[0] === 'params') parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts each detail under its field when the form has that field; returns the details that matched
 * no field so the caller can show them elsewhere.
 */
export function applyServerErrors(
  form: FormInstance,
  details: ErrorDetail[],
  knownFields?: (path: FieldPath) => boolean,
): ErrorDetail[] {
  const grouped = new Map<string, { name: FieldPath; errors: string[] }>();
  const unmatched: ErrorDetail[] = [];
  for (const d of details) {
    const name = detailPathToField(d.path);
    const matches = name.length > 0 && (knownFields ? knownFields(name) : true);
    if (!matches) {
      unmatched.push(d);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = grouped.get(key) ?? { name, errors: [] };
    entry.errors.push(d.message);
    grouped.set(key, entry);
  }
  if (grouped.size) form.setFields([...grouped.values()]);
  const first = grouped.values().next();
  if (!first.done) form.scrollToField(first.value.name, { block: 'center' });
  return unmatched;
}

/** zod issues → ErrorDetail with messages translated (`msg:` keys) for the UI language. */
export function zodIssuesToDetails(issues: z.core.$ZodIssue[], locale: Locale): ErrorDetail[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: translate(i.message, locale) }));
}
